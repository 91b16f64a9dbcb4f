package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the commands write: default output paths, --out paths and standard output. */
class OutputPathsTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Muster.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    /**
     * The command line as a process of its own in {@code cwd}, for the default outputs, which are
     * relative to the working directory.
     */
    static Run runIn(Path cwd, String... args) throws Exception {
        Path o = Files.createTempFile(cwd.getParent(), "stdout", ".txt");
        Path e = Files.createTempFile(cwd.getParent(), "stderr", ".txt");
        Process p =
                TestCommands.process(args)
                        .directory(cwd.toFile())
                        .redirectOutput(o.toFile())
                        .redirectError(e.toFile())
                        .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("muster %s did not finish in 5 minutes", String.join(" ", args));
        }
        return new Run(
                p.exitValue(),
                Files.readString(o, StandardCharsets.UTF_8),
                Files.readString(e, StandardCharsets.UTF_8));
    }

    private Path resource(String name, Path to) throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, to);
        }
        return to;
    }

    /** {@code file} with its scenario name replaced by {@code name}. */
    private static Path renamed(Path file, String name, Path to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String named = text.replaceFirst("(?m)^name: .*$", "name: \"" + name + "\"");
        assertThat(named).isNotEqualTo(text);
        return Files.writeString(to, named, StandardCharsets.UTF_8);
    }

    @Test
    void aScenarioNameBecomesOneSafeSegmentOfTheDefaultOutputPath() {
        assertThat(OutPath.segment("eastern-flank-2022")).isEqualTo("eastern-flank-2022");
        assertThat(OutPath.segment("v1.2_final")).isEqualTo("v1.2_final");
        assertThat(OutPath.segment("../../escaped")).isEqualTo("escaped");
        assertThat(OutPath.segment("/etc/cron.d")).isEqualTo("etc-cron.d");
        assertThat(OutPath.segment("Übung Nord 2024")).isEqualTo("Übung-Nord-2024");
        assertThat(OutPath.segment("a\\b:c*d\ne")).isEqualTo("a-b-c-d-e");
        assertThat(OutPath.segment(".hidden")).isEqualTo("hidden");
        assertThat(OutPath.segment("-rf")).isEqualTo("rf");
        for (String nothing : new String[] {"", ".", "..", "...", "/", "../..", " "}) {
            assertThat(OutPath.segment(nothing)).as(nothing).isEqualTo("scenario");
        }
        assertThat(OutPath.segment("x".repeat(300))).hasSize(OutPath.MAX_SEGMENT);
    }

    @Test
    void aScenarioNamedOutsideOutIsPlannedIntoOut() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("work/here"));
        Path scenario =
                renamed(
                        resource("valid.yaml", dir.resolve("v.yaml")),
                        "../../escaped",
                        dir.resolve("s.yaml"));
        Run r = runIn(cwd, "plan", scenario.toString(), "--bound", "earliest", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        for (String f : PlanCommand.FILES) {
            assertThat(cwd.resolve("out/escaped").resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(r.out()).contains("\"plan\":\"out/escaped/plan.json\"");
        assertThat(dir.resolve("escaped")).doesNotExist();
        assertThat(dir.resolve("work/escaped")).doesNotExist();
    }

    @Test
    void aNetworkNamedOutsideOutIsSourcedIntoOut() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("work/here"));
        Path net =
                renamed(Path.of(ForceCommandsTest.NET), "../../evil", dir.resolve("network.yaml"));
        Run r =
                runIn(
                        cwd,
                        "source",
                        Path.of(ForceCommandsTest.REQS).toAbsolutePath().toString(),
                        Path.of(ForceCommandsTest.CAT).toAbsolutePath().toString(),
                        "--network",
                        net.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("wrote out/evil-sourced.yaml");
        assertThat(cwd.resolve("out/evil-sourced.yaml")).isNotEmptyFile();
        assertThat(dir.resolve("work/evil-sourced.yaml")).doesNotExist();
    }

    @Test
    void anOutPathThroughAMissingDirectoryIsWrittenWhereItsDotsLeadAndNothingElseIsMade()
            throws Exception {
        Path valid = resource("valid.yaml", dir.resolve("valid.yaml"));
        String plans = dir + "/a/missing/../x";
        Run r = run("plan", valid.toString(), "--bound", "earliest", "--json", "--out", plans);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        for (String f : PlanCommand.FILES) {
            assertThat(dir.resolve("a/x").resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(r.out()).contains("\"plan\":\"" + dir.resolve("a/x/plan.json") + "\"");
        assertThat(dir.resolve("a/missing")).doesNotExist();
        assertThat(dir.resolve("x")).doesNotExist();

        r = run("export-lines", valid.toString(), "--out", dir + "/nonexist/../x.csv");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("x.csv"))).startsWith("ULN,UNIT,NATION");
        r = run("generate", "--scale", "S", "--out", dir + "/nonexist/../g.yaml");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(dir.resolve("g.yaml")).isNotEmptyFile();
        assertThat(dir.resolve("nonexist")).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("valid.yaml", "a", "x.csv", "g.yaml");
        }
    }

    /** A run whose standard output fails every write, as a full disk does. */
    static Run runToFullOutput(String... args) {
        Writer full =
                new Writer() {
                    @Override
                    public void write(char[] b, int off, int len) throws IOException {
                        throw new IOException("No space left on device");
                    }

                    @Override
                    public void flush() throws IOException {
                        throw new IOException("No space left on device");
                    }

                    @Override
                    public void close() {}
                };
        StringWriter e = new StringWriter();
        int code = Muster.run(args, new PrintWriter(full), new PrintWriter(e));
        return new Run(code, "", e.toString());
    }

    @Test
    void aResultThatCannotBeWrittenToStandardOutputFailsWithExitOne() throws Exception {
        Path valid = resource("valid.yaml", dir.resolve("valid.yaml"));
        Path plans = dir.resolve("plans");
        assertThat(run("plan", valid.toString(), "--bound", "earliest", "--out", plans.toString()))
                .extracting(Run::code)
                .isEqualTo(ExitCode.OK);
        String[][] commands = {
            {"export-lines", valid.toString()},
            {"generate", "--scale", "S"},
            {"check", "--json", valid.toString(), plans.resolve("plan.json").toString()},
            {"check", valid.toString(), plans.resolve("plan.json").toString()},
            {"plan", valid.toString(), "--bound", "earliest", "--out", plans.toString()}
        };
        for (String[] args : commands) {
            Run r = runToFullOutput(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.INTERNAL);
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .contains("error: standard output: could not write")
                    .doesNotContain("\tat ");
        }
        // the help says so
        assertThat(run("export-lines", "--help").out().replaceAll("\\s+", " "))
                .contains(
                        "1 an internal error (--debug shows its trace) or an output, standard"
                                + " output included, that could not be written");
    }

    @Test
    void anOutputThroughASymbolicLinkReplacesTheFileItNamesAndKeepsTheLink() throws Exception {
        Path real =
                resource(
                        "valid.yaml",
                        Files.createDirectories(dir.resolve("real")).resolve("t.yaml"));
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), Path.of("real/t.yaml"));
        Run r = run("export-lines", link.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains(",16,18,2,SEA");
        Path csv =
                Files.writeString(
                        dir.resolve("l.csv"), r.out().replace(",16,18,2,SEA", ",16,18,5,SEA"));
        r = run("import-lines", csv.toString(), "--into", link.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(link).isSymbolicLink();
        assertThat(run("export-lines", real.toString()).out()).contains(",16,18,5,SEA");

        // a link to a file not there yet, in a directory not there yet
        Path csvLink =
                Files.createSymbolicLink(dir.resolve("out.csv"), dir.resolve("made/lines.csv"));
        r = run("export-lines", real.toString(), "--out", csvLink.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(csvLink).isSymbolicLink();
        assertThat(Files.readString(dir.resolve("made/lines.csv"))).startsWith("ULN,UNIT,NATION");

        Path genLink = Files.createSymbolicLink(dir.resolve("g.yaml"), dir.resolve("real/g.yaml"));
        r = run("generate", "--scale", "S", "--out", genLink.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(genLink).isSymbolicLink();
        assertThat(dir.resolve("real/g.yaml")).isNotEmptyFile();

        // one of a plan's files is a link to a file elsewhere
        Path kept = Files.writeString(dir.resolve("real/plan.json"), "old plan");
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Files.createSymbolicLink(plans.resolve("plan.json"), kept);
        r = run("plan", real.toString(), "--bound", "earliest", "--out", plans.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(plans.resolve("plan.json")).isSymbolicLink();
        assertThat(Files.readString(kept)).contains("muster/plan@1");
        try (var left = Files.list(dir.resolve("real"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("t.yaml", "g.yaml", "plan.json");
        }
    }

    @Test
    void aDevicePipeOrSocketGivenForAnOutputIsRefusedByNameBeforeAnyWork() throws Exception {
        Path valid = resource("valid.yaml", dir.resolve("valid.yaml"));
        Path csv = dir.resolve("l.csv");
        Files.writeString(csv, run("export-lines", valid.toString()).out());
        Path nul = Path.of("/dev/null");
        assumeTrue(Files.exists(nul) && !Files.isRegularFile(nul), "no /dev/null here");
        // a link to the device: the device is never replaced, not even as root
        Path toNull = Files.createSymbolicLink(dir.resolve("null.csv"), nul);
        Run r = run("export-lines", valid.toString(), "--out", toNull.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .isEqualTo(
                        "error: --out: "
                                + toNull
                                + " (a link to /dev/null) is a character device, not a regular"
                                + " file; muster writes only regular files; nothing was written"
                                + System.lineSeparator());
        assertThat(toNull).isSymbolicLink();
        r = run("import-lines", csv.toString(), "--into", toNull.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains(
                        "error: --into: " + toNull + " (a link to /dev/null) is a character device")
                .contains("nothing was imported");
        r = run("source", "req.yaml", "cat.yaml", "--out", toNull.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("is a character device").contains("nothing was sourced");
        assertThat(toNull).isSymbolicLink();
        assertThat(Files.isRegularFile(nul)).isFalse();

        // a named pipe, where a reader may wait
        Path fifo = dir.resolve("pipe.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && Files.exists(fifo), "no mkfifo here");
        r = run("export-lines", valid.toString(), "--out", fifo.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(fifo + " is a named pipe (FIFO), not a regular file");
        r = run("generate", "--scale", "S", "--out", fifo.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains(fifo + " is a named pipe (FIFO)")
                .contains("nothing was generated");
        assertThat(Files.isRegularFile(fifo)).isFalse();

        // a socket where a plan's file would go: refused before the planning
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Path socket = plans.resolve("lines.csv");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
            r = run("plan", valid.toString(), "--bound", "earliest", "--out", plans.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err())
                    .contains("error: --out: " + socket + " is a socket, not a regular file")
                    .contains("nothing was planned");
            try (var left = Files.list(plans)) {
                assertThat(left).containsExactly(socket);
            }
        }
    }

    @Test
    void anOutputThatIsItsOwnInputIsRefusedAndTheInputKept() throws Exception {
        Path same = resource("valid.yaml", dir.resolve("same.yaml"));
        byte[] before = Files.readAllBytes(same);
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), same);
        for (String[] io :
                new String[][] {
                    {same.toString(), same.toString()},
                    {same.toString(), link.toString()},
                    {link.toString(), dir + "/x/../same.yaml"}
                }) {
            Run r = run("export-lines", io[0], "--out", io[1]);
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err())
                    .contains("error: --out: ")
                    .contains(" is the scenario " + io[0] + " itself")
                    .contains("nothing was written");
        }
        assertThat(Files.readAllBytes(same)).isEqualTo(before);
        assertThat(link).isSymbolicLink();

        // a JSON scenario where the plan's plan.json would go
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Path planJson = plans.resolve("plan.json");
        muster.io.ScenarioWriter.writeFile(
                muster.io.ScenarioReader.read(same).scenario(), planJson);
        byte[] scenarioJson = Files.readAllBytes(planJson);
        Run r = run("plan", planJson.toString(), "--bound", "earliest", "--out", plans.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("is the scenario " + planJson + " itself; nothing was planned");
        assertThat(Files.readAllBytes(planJson)).isEqualTo(scenarioJson);

        Path csv =
                Files.writeString(dir.resolve("l.csv"), run("export-lines", same.toString()).out());
        r = run("import-lines", csv.toString(), "--into", csv.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("error: --into: " + csv + " is the CSV file " + csv + " itself");
    }

    @Test
    void aSourcedScenarioIsNeverWrittenOverItsNetwork() throws Exception {
        Path net = dir.resolve("w/out/eastern-flank-2022-sourced.yaml");
        Files.createDirectories(net.getParent());
        Files.copy(Path.of(ForceCommandsTest.NET), net);
        byte[] before = Files.readAllBytes(net);
        String reqs = Path.of(ForceCommandsTest.REQS).toAbsolutePath().toString();
        String cat = Path.of(ForceCommandsTest.CAT).toAbsolutePath().toString();
        Run r = run("source", reqs, cat, "--network", net.toString(), "--out", net.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains(
                        "error: --out: "
                                + net
                                + " is the network scenario (--network) "
                                + net
                                + " itself; nothing was sourced");
        r = run("source", reqs, cat, "--network", net.toString(), "--out", reqs);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("is the requirements file REQUIREMENTS " + reqs + " itself");
        // without --out the default output is the network itself: a sourced scenario sourced again
        r =
                runIn(
                        dir.resolve("w"),
                        "source",
                        reqs,
                        cat,
                        "--network",
                        "out/eastern-flank-2022-sourced.yaml");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains(
                        "error: the default output file: out/eastern-flank-2022-sourced.yaml is the network scenario")
                .contains("give another with --out");
        assertThat(Files.readAllBytes(net)).isEqualTo(before);
    }
}
