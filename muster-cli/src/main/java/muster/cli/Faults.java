package muster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import muster.model.Fault;

/** Prints faults one per line in the shared layout, and as JSON for a command run with --json. */
final class Faults {
    /** Format tag of the JSON a {@code --json} command prints when its input is refused. */
    static final String REFUSAL_FORMAT = "muster/refusal@1";

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
        err.println(closing(shown, faults, notDone));
        err.flush();
        return ExitCode.REFUSED;
    }

    /**
     * As {@link #refuse(PrintWriter, String, List, String)}, and when {@code json} also the same
     * faults as one {@value #REFUSAL_FORMAT} document on {@code out}, so a script that reads the
     * command's JSON gets the reason instead of nothing.
     */
    static int refuse(
            PrintWriter out,
            PrintWriter err,
            boolean json,
            String shown,
            List<Fault> faults,
            String notDone) {
        int code = refuse(err, shown, faults, notDone);
        if (json) {
            out.println(refusalJson(shown, faults, closing(shown, faults, notDone)));
            out.flush();
        }
        return code;
    }

    /**
     * Prints {@code refused: message} on {@code err} and, when {@code json}, a {@value
     * #REFUSAL_FORMAT} document with no faults and that message.
     *
     * @return the exit code of a refused input
     */
    static int refuse(
            PrintWriter out, PrintWriter err, boolean json, String source, String message) {
        err.println("refused: " + message);
        err.flush();
        if (json) {
            out.println(refusalJson(source, List.of(), "refused: " + message));
            out.flush();
        }
        return ExitCode.REFUSED;
    }

    static long errors(List<Fault> faults) {
        return faults.stream().filter(Fault::isError).count();
    }

    private static String closing(String shown, List<Fault> faults, String notDone) {
        return "refused: " + shown + ": " + errors(faults) + " fault(s); " + notDone;
    }

    /** One JSON document: the source, each fault's place, field, value and message, the summary. */
    static String refusalJson(String source, List<Fault> faults, String message) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", REFUSAL_FORMAT);
        root.put("refused", true);
        root.put("source", source);
        root.put("message", message);
        put(root.putArray("faults"), faults);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("refusal JSON", e);
        }
    }

    /** Each fault as an object of {@code list}: its severity, line, path, place, field, value. */
    static void put(ArrayNode list, List<Fault> faults) {
        for (Fault f : faults) {
            ObjectNode o = list.addObject();
            o.put("severity", f.severity().name());
            if (f.line() > 0) {
                o.put("line", f.line());
            } else {
                o.putNull("line");
            }
            o.put("path", f.path());
            o.put("where", f.where());
            o.put("field", f.field());
            o.put("value", f.value());
            o.put("message", f.message());
            o.put("hint", f.hint());
        }
    }
}
