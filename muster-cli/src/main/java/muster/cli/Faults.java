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

    /**
     * Prints a refused scenario's faults and a closing line saying what was not done.
     *
     * @return the exit code of a refused input
     */
    static int refuse(PrintWriter err, String shown, List<Fault> faults, String notDone) {
        print(err, shown, faults);
        err.println("refused: " + shown + ": " + errors(faults) + " fault(s); " + notDone);
        err.flush();
        return ExitCode.REFUSED;
    }

    static long errors(List<Fault> faults) {
        return faults.stream().filter(Fault::isError).count();
    }
}
