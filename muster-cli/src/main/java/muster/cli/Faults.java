package muster.cli;

import java.io.PrintWriter;
import java.util.List;
import muster.model.Fault;

/** Prints faults one per line in the shared layout. */
final class Faults {
    private Faults() {}

    static void print(PrintWriter err, String source, List<Fault> faults) {
        for (Fault f : faults) {
            err.println(f.describe(source));
        }
        err.flush();
    }

    static long errors(List<Fault> faults) {
        return faults.stream().filter(Fault::isError).count();
    }
}
