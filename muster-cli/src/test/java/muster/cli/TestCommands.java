package muster.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines the command-line tests give muster. */
final class TestCommands {
    private TestCommands() {}

    /**
     * {@code orders draft} by ann on {@code log}: order {@code id} of {@code kind} for {@code
     * units} by {@code authority}, with {@code more} options after.
     */
    static String[] draft(
            String log, String id, String kind, String units, String authority, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "orders",
                                "draft",
                                "--log",
                                log,
                                "--user",
                                "ann",
                                "--id",
                                id,
                                "--kind",
                                kind,
                                "--units",
                                units,
                                "--authority",
                                authority));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** {@code muster args} as a process of its own, run by this test's Java and class path. */
    static ProcessBuilder process(String... args) {
        return process(List.of(), args);
    }

    /** As {@link #process(String...)}, with {@code jvm} options to the Java that runs it. */
    static ProcessBuilder process(List<String> jvm, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Muster.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }
}
