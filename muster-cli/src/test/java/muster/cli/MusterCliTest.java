package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import muster.engine.generate.SmallScenarios;
import muster.io.ScenarioWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line run in-process: exit codes, summaries and fault lines. */
class MusterCliTest {
    @TempDir Path dir;
    Path valid;
    Path broken;
    String out;
    String err;

    @BeforeEach
    void copyScenarios() throws Exception {
        valid = copy("valid.yaml");
        broken = copy("unknown-poe.yaml");
    }

    private Path copy(String name) throws Exception {
        Path to = dir.resolve(name);
        try (var in = getClass().getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    @Test
    void generateWritesTheSyntaxItsHelpNamesForTheOutputsName(@TempDir Path dir) throws Exception {
        assertThat(run("generate", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.replaceAll("\\s+", " "))
                .contains(
                        "JSON for a name ending in .json, YAML for one ending in .yaml or .yml;"
                                + " any other name is refused");
        Path json = dir.resolve("s.json");
        Path yaml = dir.resolve("s.yml");
        assertThat(run("generate", "--scale", "S", "--out", json.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(json)).startsWith("{");
        assertThat(run("generate", "--scale", "S", "--out", yaml.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(yaml)).startsWith("format: \"muster/scenario@1\"");
        assertNoTrace();
    }

    @Test
    void aScenarioOutputNamedNeitherYamlNorJsonIsRefusedBeforeAnyWork(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("x.csv");
        assertThat(run("generate", "--scale", "S", "--seed", "1", "--out", csv.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .contains(
                        "error: --out: '"
                                + csv
                                + "' does not end in .yaml, .yml or .json, which say whether the"
                                + " scenario is written as YAML or JSON; nothing was generated")
                .contains("Maybe --out x.yaml");
        assertThat(csv).doesNotExist();
        for (String name : new String[] {"s", "s.yaml.bak", "s.txt"}) {
            assertThat(run("generate", "--scale", "S", "--out", dir.resolve(name).toString()))
                    .as(name)
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err).as(name).contains("does not end in .yaml, .yml or .json");
            assertThat(dir.resolve(name)).as(name).doesNotExist();
        }
        // the ending is read without regard to case, as the readers read it
        Path upper = dir.resolve("S.YAML");
        assertThat(run("generate", "--scale", "S", "--out", upper.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(upper)).startsWith("format: \"muster/scenario@1\"");
        // source writes a scenario too, by the same rule, before it reads its inputs
        assertThat(run("source", "req.yaml", "cat.yaml", "--out", csv.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .contains("does not end in .yaml, .yml or .json")
                .contains("nothing was sourced");
        assertThat(csv).doesNotExist();
        assertNoTrace();
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Muster.run(args, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private void assertNoTrace() {
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void validateAcceptsAndSummarises() {
        assertThat(run("validate", valid.toString())).isEqualTo(ExitCode.OK);
        assertThat(out)
                .contains("accepted: " + valid + " (small-test)")
                .contains("lines: 3 (AIR 1, SEA 1, LAND 1)")
                .contains("pax: 1800")
                .contains(
                        "stons: BULK 120.0, OVERSIZE 9200.0, OUTSIZE 0.0, NAT 10000.0 (total 19320.0)")
                .contains("nations: 1 US")
                .contains("nodes: 11 (INSTALLATION 3, AIRFIELD 4, SEAPORT 2, ASSEMBLY_AREA 2)")
                .contains("warnings: 0");
        assertThat(err).isEmpty();
    }

    @Test
    void validateRefusesWithOneLinePerFaultAndExitThree() {
        assertThat(run("validate", broken.toString())).isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .contains(
                        "error: "
                                + broken
                                + ":49: requirement A82AB01 (requirements[0]): field 'poe' ="
                                + " 'KXYZ': unknown node id")
                .contains("refused: " + broken + ": 1 fault(s); the scenario is not valid");
        assertThat(out).isEmpty();
        assertNoTrace();
    }

    @Test
    void boundRefusesABrokenScenarioNamingTheLineAndComputesOnAValidOne() {
        assertThat(run("bound", broken.toString())).isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .contains(broken + ":49: requirement A82AB01")
                .contains("refused: " + broken + ": 1 fault(s); no bound computed");
        assertThat(out).isEmpty();
        assertNoTrace();

        assertThat(run("bound", valid.toString())).isEqualTo(ExitCode.OK);
        assertThat(out).contains("lateStonDays >= ").contains("closureDay   >= ");
        assertThat(out).contains("method:        window-capacity-lp");
    }

    @Test
    void aScenarioWithoutLinesHasNoClosureBoundRatherThanDayMinusOne() throws Exception {
        String text = Files.readString(valid);
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(
                empty, text.substring(0, text.indexOf("\nrequirements:")) + "\nrequirements: []\n");
        assertThat(run("bound", empty.toString())).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).contains("closureDay   : none").doesNotContain("-1");
        assertThat(run("plan", empty.toString(), "--out", dir.resolve("e").toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(out).contains("closure day:     nothing delivered").doesNotContain("C+-1");
    }

    /**
     * A LAND line that closes after the horizon (a 1,000-hour road march from day 2 in a 30-day
     * horizon) is unmet in every plan: the closure bound is the horizon and says that no plan
     * delivers every line, where it said "none (the scenario has no lines to deliver)" of a
     * scenario of that line alone, and beside the other lines a day no plan with nothing unmet
     * exists for.
     */
    @Test
    void aLineNoPlanDeliversInTheHorizonPutsTheClosureBoundAtTheHorizon() throws Exception {
        String text =
                Files.readString(valid)
                        .replace(
                                "{mode: ROAD, from: VILSECK, to: MK-AA, hours: 40}",
                                "{mode: ROAD, from: VILSECK, to: MK-AA, hours: 1000}");
        String expected = "closureDay   >= 30 (the horizon: no plan delivers every line within it)";
        Path all = dir.resolve("long-march.yaml");
        Files.writeString(all, text);
        assertThat(run("bound", all.toString())).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).contains(expected);
        Path alone = dir.resolve("long-march-alone.yaml");
        int first = text.indexOf("\n  - uln:");
        int land = text.indexOf("\n  - uln: \"2CR01\"");
        Files.writeString(alone, text.substring(0, first) + text.substring(land));
        assertThat(run("bound", alone.toString())).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).contains(expected).doesNotContain("no lines to deliver");
        assertNoTrace();
    }

    /**
     * The limit is on the part of the LP that GLOP must solve: random scenario 1 of 12 lines needs
     * it, while the small test scenario's LP fits at its cheapest point and needs no solver.
     */
    @Test
    void boundWithAnLpLimitBelowTheScenarioSaysTheLpWasLeftOut() throws Exception {
        Path needsGlop = dir.resolve("random-1.yaml");
        ScenarioWriter.writeFile(SmallScenarios.random(1, 12), needsGlop);
        assertThat(run("bound", "--lp-limit", "0", needsGlop.toString())).isEqualTo(ExitCode.OK);
        assertThat(out)
                .contains(
                        "method:        earliest-arrival + window-capacity closure (LP left out: ")
                .contains("muster bound without --lp-limit solves it");
        assertThat(run("bound", "--lp-limit", "0", valid.toString())).isEqualTo(ExitCode.OK);
        assertThat(out).contains("method:        window-capacity-lp").contains("no solver needed");
        assertThat(run("bound", "--lp-limit", "-1", valid.toString())).isEqualTo(ExitCode.USAGE);
        // the same layout as every other command's mistakes in the command line
        assertThat(err).startsWith("error: --lp-limit: -1 is below 0");
        assertNoTrace();
    }

    /**
     * A negative --lp-limit is a mistake in the command line whatever the scenario: it is named
     * with exit 2 before the scenario is read, as muster plan names its options, where a missing or
     * refused scenario answered exit 3 with the scenario's faults and the option went unnamed.
     */
    @Test
    void boundNamesABadLpLimitBeforeReadingTheScenario() {
        Path missing = dir.resolve("none.yaml");
        for (Path scenario : List.of(missing, broken, valid)) {
            assertThat(run("bound", "--lp-limit", "-5", scenario.toString()))
                    .as(scenario.toString())
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err)
                    .as(scenario.toString())
                    .isEqualTo(
                            "error: --lp-limit: -5 is below 0; no bound computed"
                                    + System.lineSeparator());
            assertThat(out).isEmpty();
        }
        assertNoTrace();
    }

    @Test
    void ladAfterRddIsAWarningNotARefusal() throws Exception {
        String text = Files.readString(valid).replace("    lad: 16\n", "    lad: 19\n");
        Files.writeString(valid, text);
        assertThat(run("validate", valid.toString())).isEqualTo(ExitCode.OK);
        assertThat(err)
                .contains(
                        "warning: "
                                + valid
                                + ":71: requirement 3AB01 (requirements[1]): field 'lad' = '19':"
                                + " lad is later than rdd 18");
        assertThat(out).contains("warnings: 1");
    }

    @Test
    void missingFileIsRefusedWithoutTrace() {
        assertThat(run("validate", dir.resolve("none.yaml").toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err).contains("no such file");
        assertNoTrace();
    }

    @Test
    void everyCommandPrintsItsOwnHelp() {
        CommandLine root = new CommandLine(new Muster());
        List<List<String>> commands = new ArrayList<>();
        root.getSubcommands()
                .forEach(
                        (name, sub) -> {
                            commands.add(List.of(name));
                            sub.getSubcommands()
                                    .keySet()
                                    .forEach(inner -> commands.add(List.of(name, inner)));
                        });
        assertThat(commands).hasSizeGreaterThan(10);
        for (List<String> cmd : commands) {
            if (cmd.get(0).equals("help")) {
                continue;
            }
            List<String> args = new ArrayList<>(cmd);
            args.add("--help");
            assertThat(run(args.toArray(String[]::new))).as(String.join(" ", args)).isEqualTo(0);
            assertThat(out)
                    .as(String.join(" ", args))
                    .startsWith("Usage: muster " + String.join(" ", cmd) + " ");
            // the README says every command's help names its exit codes, 1 and 2 included
            String help = out.replaceAll("\\s+", " ");
            assertThat(help)
                    .as(String.join(" ", args))
                    .containsPattern("(?i)\\b2\\b:? (for )?a mistake in the command line")
                    .containsPattern("(?i)\\b1\\b:? (for )?an internal error");
            assertThat(err).isEmpty();
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(ExitCode.USAGE);
        assertThat(run("validate")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Missing required parameter");
        assertThat(run("frobnicate")).isEqualTo(ExitCode.USAGE);
        assertNoTrace();
    }

    @Test
    void internalErrorIsOneLineUnlessDebug() {
        // a fault inside the process rather than in any input: the console muster writes to
        // throws where it should take the summary
        StringWriter e = new StringWriter();
        PrintWriter broken =
                new PrintWriter(new StringWriter()) {
                    @Override
                    public void write(String s, int off, int len) {
                        throw new IllegalStateException("the console went away");
                    }
                };
        String[] validate = {"validate", valid.toString()};
        assertThat(Muster.run(validate, broken, new PrintWriter(e))).isEqualTo(ExitCode.INTERNAL);
        err = e.toString();
        assertThat(err.lines().toList())
                .containsExactly(
                        "error: IllegalStateException: the console went away",
                        "  (run again with --debug for the full trace)");
        assertNoTrace();
        e.getBuffer().setLength(0);
        String[] debug = {"validate", valid.toString(), "--debug"};
        assertThat(Muster.run(debug, broken, new PrintWriter(e))).isEqualTo(ExitCode.INTERNAL);
        assertThat(e.toString()).contains("\tat ");
    }

    @Test
    void aCsvThatFailsToReadPartWayIsRefusedNamingItAndTheCause() throws Exception {
        // Linux's /proc/self/mem answers every read with an I/O error, as a failing disk or a
        // network file system that went away would: bad input, not a fault inside muster
        Path mem = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(mem), "no " + mem);
        byte[] before = Files.readAllBytes(valid);
        assertThat(run("import-lines", mem.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .startsWith("error: " + mem + ": file: cannot read the file: Input/output error")
                .contains("refused: " + valid + " is unchanged");
        assertNoTrace();
        assertThat(Files.readAllBytes(valid)).isEqualTo(before);
    }

    @Test
    void anOutputThatCannotBeWrittenIsOneLineNamingItAndTheCause() throws Exception {
        // a file name longer than the file system takes passes the checks made before the work
        // and fails when written, as a full disk or a read-only file system would; the message
        // said 'FileSystemException: DIR/.xxx....tmp: File name too long', naming a file the user
        // never gave, or 'IOException: No space left on device', naming none
        String name = "x".repeat(300);
        String reqs = "../scenarios/eastern-flank-2022-requirements.yaml";
        String cat = "../data/catalogue/eastern-flank-2022-units.yaml";
        List<List<String>> commands =
                List.of(
                        List.of("generate", "--scale", "S", "--out", name + ".yaml"),
                        List.of("export-lines", valid.toString(), "--out", name + ".csv"),
                        List.of(
                                "source",
                                reqs,
                                cat,
                                "--network",
                                "../scenarios/eastern-flank-2022.yaml",
                                "--out",
                                name + ".json"));
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            String out = dir.resolve(args.get(args.size() - 1)).toString();
            args.set(args.size() - 1, out);
            assertThat(run(args.toArray(String[]::new)))
                    .as("%s", c.get(0))
                    .isEqualTo(ExitCode.INTERNAL);
            assertThat(err.lines().toList())
                    .as("%s", c.get(0))
                    .singleElement()
                    .asString()
                    .startsWith("error: could not write " + out + ": ")
                    .endsWith("; nothing was written")
                    .doesNotContain("Exception", ".tmp");
            assertNoTrace();
            try (var left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("%s", c.get(0))
                        .noneMatch(f -> f.startsWith("." + name.substring(0, 10)));
            }
        }
    }

    @Test
    void aFullDiskIsSaidWithTheFileAndWhatIsLeft() throws Exception {
        // what import-lines (and each command writing a file) says when its write fails, here
        // with the words of a full disk, which name no file
        Path kept = Files.writeString(dir.resolve("s.yaml"), "old");
        StringWriter w = new StringWriter();
        PrintWriter pw = new PrintWriter(w);
        boolean written =
                OutPath.write(
                        kept,
                        pw,
                        "nothing was imported",
                        () -> {
                            throw new java.io.IOException("No space left on device");
                        });
        assertThat(written).isFalse();
        assertThat(w.toString())
                .isEqualTo(
                        "error: could not write "
                                + kept
                                + ": No space left on device; "
                                + kept
                                + " is left as it was; nothing was imported"
                                + System.lineSeparator());
        assertThat(kept).hasContent("old");
        // a directory on the way that cannot be made is named as the place of the cause
        Path under = dir.resolve("missing/x.yaml");
        assertThat(
                        OutPath.unwritten(
                                under,
                                new java.nio.file.AccessDeniedException(
                                        dir.resolve("missing").toString())))
                .isEqualTo(
                        "could not write "
                                + under
                                + ": "
                                + dir.resolve("missing").toAbsolutePath()
                                + ": permission denied");
    }

    @Test
    void anOutputPathThatCannotBeWrittenIsRefusedByNameBeforeTheWork() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "kept");
        String abs = file.toAbsolutePath().normalize().toString();
        assertThat(run("plan", valid.toString(), "--out", file.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .isEqualTo(
                        "error: --out: "
                                + abs
                                + " is a file, not a directory; nothing was planned"
                                + System.lineSeparator());
        assertThat(run("plan", valid.toString(), "--out", file.resolve("sub").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err).contains(abs + " is a file, so the directory ").contains("cannot be made");
        assertThat(run("generate", "--scale", "S", "--out", dir.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .contains(
                        "error: --out: "
                                + dir.toAbsolutePath().normalize()
                                + " is a directory, not a file; nothing was generated");
        assertThat(run("generate", "--scale", "S", "--out", file.resolve("s.yaml").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err).contains(abs + " is a file, so the directory");
        assertThat(run("export-lines", valid.toString(), "--out", dir.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("is a directory, not a file; nothing was written");
        assertThat(run("source", "req.yaml", "cat.yaml", "--out", dir.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("is a directory, not a file; nothing was sourced");
        // one of the files a plan writes is a directory there: refused before the planning, so
        // the directory keeps its old files as one set
        Path outDir = Files.createDirectories(dir.resolve("plan-out"));
        Files.writeString(outDir.resolve("plan.json"), "old plan");
        Files.createDirectories(outDir.resolve("report.html"));
        assertThat(run("plan", valid.toString(), "--out", outDir.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .contains(
                        outDir.resolve("report.html").toAbsolutePath().normalize()
                                + " is a directory, not a file; nothing was planned");
        assertThat(Files.readString(outDir.resolve("plan.json"))).isEqualTo("old plan");
        // an empty path is no place to write, not the working directory
        assertThat(run("plan", valid.toString(), "--out", "")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("--out: an empty path names no directory");
        assertThat(run("generate", "--scale", "S", "--out", "")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("--out: an empty path names no file");
        assertNoTrace();
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    @Test
    void serveRefusesABadOrTakenPortOrAForeignHostBeforeItStartsTheDatabase() throws Exception {
        Path db = dir.resolve("db");
        assertThat(run("serve", "--port", "99999", "--data-dir", db.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .isEqualTo(
                        "muster serve: --port: 99999 is not a TCP port (1 to 65535, or 0 for any"
                                + " free one)"
                                + System.lineSeparator());
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            assertThat(run("serve", "--port", Integer.toString(port), "--data-dir", db.toString()))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err)
                    .startsWith("muster serve: --port: " + port + " is taken on 0.0.0.0")
                    .contains("choose another with --port");
        }
        // a documentation address (TEST-NET-3) is no address of this machine
        assertThat(
                        run(
                                "serve",
                                "--host",
                                "203.0.113.7",
                                "--port",
                                "0",
                                "--data-dir",
                                db.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err).startsWith("muster serve: --host: 203.0.113.7 is not an address of this");
        assertNoTrace();
        assertThat(db).doesNotExist();
    }

    @Test
    void serveRefusesADataDirectoryAnotherServerRunsOnAndLeavesItsDatabaseRunning()
            throws Exception {
        Path db = dir.resolve("db");
        try (muster.server.Database running = muster.server.Database.embedded(db)) {
            assertThat(run("serve", "--port", "0", "--data-dir", db.toString()))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err).isEqualTo(inUse(db, "or choose another --data-dir"));
            try (var c = running.connection();
                    var rs = c.createStatement().executeQuery("select 1")) {
                assertThat(rs.next()).as("the running server's database answers").isTrue();
            }
        }
        assertNoTrace();
    }

    /**
     * What serve says of a data directory that another server's database runs in: the other server
     * is to be stopped first, {@code then} what.
     */
    private static String inUse(Path db, String then) {
        return "muster serve: --data-dir: "
                + db
                + " is in use: another muster server runs on it; stop that server first, "
                + then
                + System.lineSeparator();
    }

    @Test
    void serveRefusesADataDirectoryItCannotKeepTheDatabaseInBeforeItStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "kept");
        assertThat(run("serve", "--port", "0", "--data-dir", file.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .isEqualTo(
                        "muster serve: --data-dir: "
                                + file
                                + " is a file, not a directory; choose another --data-dir, or a"
                                + " PostgreSQL server with --db"
                                + System.lineSeparator());
        assertThat(run("serve", "--port", "0", "--data-dir", file.resolve("db").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .startsWith(
                        "muster serve: --data-dir: "
                                + file
                                + " is a file, so the directory "
                                + file.resolve("db")
                                + " cannot be made");
        assertNoTrace();
        assertThat(Files.readString(file)).isEqualTo("kept");

        Path readOnly = Files.createDirectory(dir.resolve("read only"));
        Files.setPosixFilePermissions(
                readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThat(run("serve", "--port", "0", "--data-dir", readOnly.toString()))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err)
                    .startsWith("muster serve: --data-dir: the directory " + readOnly)
                    .contains(" is not writable");
            assertNoTrace();
            try (var left = Files.list(readOnly)) {
                assertThat(left).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(
                    readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void serveRefusesADatabaseOfAnotherApplicationNamingItAndItsTables() throws Exception {
        try (muster.server.Database pg = muster.server.Database.embedded(dir.resolve("pg"));
                var c = pg.connection()) {
            c.createStatement().execute("create database payroll");
            String url =
                    c.getMetaData().getURL().replaceFirst("/postgres(\\?|$)", "/payroll$1")
                            + (c.getMetaData().getURL().contains("?") ? "&" : "?")
                            + "user=postgres&password=s3cret";
            try (var p = java.sql.DriverManager.getConnection(url)) {
                p.createStatement().execute("create table staff (id int)");
            }
            assertThat(run("serve", "--port", "0", "--db", url)).isEqualTo(ExitCode.REFUSED);
            assertThat(err)
                    .isEqualTo(
                            "muster serve: --db "
                                    + url.replace("s3cret", "***")
                                    + ": the database holds 1 table of another application"
                                    + " (staff) and none of muster's; give muster a database of"
                                    + " its own"
                                    + System.lineSeparator());
        }
        assertNoTrace();
    }

    /**
     * The operator, who has the database, gives a user a new password when no administrator can:
     * the server's first administrator's, say, which nobody could set again.
     */
    @Test
    void serveResetsAPasswordInTheDatabaseOfItsDataDirectory() throws Exception {
        Path db = dir.resolve("db");
        muster.server.MusterServer.Options o =
                muster.server.MusterServer.Options.defaults()
                        .withPort(0)
                        .withHost("127.0.0.1")
                        .withDataDir(db)
                        .withAdminPassword("the-lost-first-password")
                        .withBundledScenario(null);
        try (muster.server.MusterServer running =
                muster.server.MusterServer.start(o, new StringBuilder())) {
            // the embedded database of a running server takes no other user
            assertThat(run("serve", "--reset-password", "admin", "--data-dir", db.toString()))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(err).isEqualTo(inUse(db, "then reset the password"));
        }
        assertThat(run("serve", "--reset-password", "admin", "--db", "mysql://x/muster"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .isEqualTo(
                        "muster serve: --db 'mysql://x/muster': expected a URL of the form"
                                + " jdbc:postgresql://host/db"
                                + System.lineSeparator());

        assertThat(run("serve", "--reset-password", "admin", "--data-dir", db.toString()))
                .as(err)
                .isEqualTo(ExitCode.OK);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(
                                "muster: the password of user 'admin' \\(nation [A-Z]{3}\\) is"
                                        + " reset to (\\S{20})\\R"
                                        + "muster: this password is shown once; 0 sessions of the"
                                        + " user ended\\R")
                        .matcher(out);
        assertThat(m.matches()).as(out).isTrue();
        String password = m.group(1);
        assertNoTrace();

        assertThat(run("serve", "--reset-password", "nobody", "--data-dir", db.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .isEqualTo(
                        "muster serve: --reset-password: no user 'nobody' in the embedded"
                                + " PostgreSQL in "
                                + db.toAbsolutePath().normalize()
                                + System.lineSeparator());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(run("serve", "--reset-password", "admin", "--data-dir", empty.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err).contains(empty + " holds no muster database");
        try (var left = Files.list(empty)) {
            assertThat(left).as("no database made where there was none").isEmpty();
        }

        // the new password signs in, the lost one no longer
        try (muster.server.MusterServer srv =
                muster.server.MusterServer.start(o, new StringBuilder())) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String pw : List.of(password, "the-lost-first-password")) {
                java.net.http.HttpResponse<String> r =
                        http.send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(
                                                        "http://127.0.0.1:"
                                                                + srv.port()
                                                                + "/api/login"))
                                        .POST(
                                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                                        "{\"username\":\"admin\",\"password\":\""
                                                                + pw
                                                                + "\"}"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode())
                        .as("sign-in with %s", pw)
                        .isEqualTo(pw.equals(password) ? 200 : 401);
            }
        }

        // a deactivated user gets a password but stays deactivated, and the output says so
        try (muster.server.Database d = muster.server.Database.embedded(db);
                java.sql.Connection c = d.connection();
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("update app_user set active = false where username = 'admin'");
        }
        assertThat(run("serve", "--reset-password", "admin", "--data-dir", db.toString()))
                .as(err)
                .isEqualTo(ExitCode.OK);
        java.util.regex.Matcher nation =
                java.util.regex.Pattern.compile("\\(nation ([A-Z]{3})\\)").matcher(out);
        assertThat(nation.find()).as(out).isTrue();
        assertThat(out)
                .endsWith(
                        "muster: note: user 'admin' is deactivated and cannot sign in with this"
                                + " password until an administrator of "
                                + nation.group(1)
                                + " reactivates it on the Users page"
                                + System.lineSeparator());
        assertNoTrace();
    }

    @Test
    void serveGivesTheAddressItListensOnAsTheOneToOpen() {
        // every address of the machine: localhost answers
        assertThat(ServeCommand.url("0.0.0.0", 8080)).isEqualTo("http://localhost:8080/");
        assertThat(ServeCommand.url("::", 8080)).isEqualTo("http://localhost:8080/");
        // one address: only it answers, localhost not unless it is the loopback
        assertThat(ServeCommand.url("127.0.0.1", 9090)).isEqualTo("http://127.0.0.1:9090/");
        assertThat(ServeCommand.url("192.0.2.2", 8080)).isEqualTo("http://192.0.2.2:8080/");
        assertThat(ServeCommand.url("::1", 8080)).isEqualTo("http://[::1]:8080/");
        assertThat(ServeCommand.url("localhost", 8080)).isEqualTo("http://localhost:8080/");
    }

    @Test
    void serveSaysWhereItKeepsItsData() {
        assertThat(ServeCommand.dataPlace(null, Path.of("var", "..", "db")))
                .isEqualTo("the embedded PostgreSQL in " + Path.of("db").toAbsolutePath());
        assertThat(
                        ServeCommand.dataPlace(
                                "jdbc:postgresql://dbhost/muster?user=m&password=s3cret", null))
                .isEqualTo(
                        "the PostgreSQL database jdbc:postgresql://dbhost/muster?user=m&password=***");
    }

    @Test
    void serveNamesAHostOfTheDatabaseThatDoesNotResolve() {
        // .invalid is reserved never to resolve (RFC 6761)
        String url = "jdbc:postgresql://nosuch.invalid/muster";
        assertThat(run("serve", "--port", "0", "--db", url)).isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .startsWith("muster serve: --db " + url + ": cannot connect: ")
                .endsWith(" (unknown host nosuch.invalid)" + System.lineSeparator());
        assertNoTrace();
    }

    @Test
    void serveNamesADatabaseItCannotReachWithoutItsPassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            closed = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/muster?user=u&password=s3cret";
        assertThat(run("serve", "--port", "0", "--db", url)).isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .startsWith("muster serve: --db jdbc:postgresql://127.0.0.1:" + closed)
                .contains("password=***")
                .contains("cannot connect")
                .doesNotContain("s3cret");
        assertNoTrace();
    }

    @Test
    void missingDirectoriesOfAnOutputPathAreMade() throws Exception {
        Path csv = dir.resolve("new/deeper/lines.csv");
        assertThat(run("export-lines", valid.toString(), "--out", csv.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(csv)).startsWith("ULN,UNIT,NATION");
        Path plans = dir.resolve("plans/today");
        assertThat(run("plan", valid.toString(), "--bound", "earliest", "--out", plans.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(plans.resolve("plan.json")).exists();
        try (var listed = Files.list(csv.getParent())) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactly("lines.csv");
        }
    }

    @Test
    void aScenarioWithFaultsIsExportedAsItIsButNeverWithoutAWord() throws Exception {
        Path csv = dir.resolve("broken.csv");
        assertThat(run("export-lines", broken.toString(), "--out", csv.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(csv)).contains("KXYZ");
        assertThat(err)
                .contains("field 'poe' = 'KXYZ'")
                .contains(
                        "warning: "
                                + broken
                                + " does not validate (1 fault(s)); its lines were exported as"
                                + " they are");
        assertThat(run("export-lines", valid.toString(), "--out", csv.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(err).doesNotContain("warning");
    }

    @Test
    void aCargoEntryTheCsvHasNoCellForIsRefusedByNameNotLeftOut() throws Exception {
        // a second BULK entry and a PAX entry: the CSV has one BULK_STONS cell and no PAX cargo
        Files.writeString(
                broken,
                Files.readString(valid)
                        .replace(
                                "cargo: [{class: BULK, stons: 120}, {class: OVERSIZE, stons:"
                                        + " 200}]",
                                "cargo: [{class: BULK, stons: 120}, {class: OVERSIZE, stons:"
                                        + " 200},\n            {class: BULK, stons: 7.5}]")
                        .replace(
                                "cargo: [{class: NAT, stons: 4000}]",
                                "cargo: [{class: NAT, stons: 4000}, {class: PAX, stons: 3}]"));
        Path csv = dir.resolve("lines.csv");
        assertThat(run("export-lines", broken.toString(), "--out", csv.toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .contains(
                        "error: "
                                + broken
                                + ":48: requirement A82AB01 (requirements[0].cargo[2]): field"
                                + " 'class' = 'BULK': a second BULK entry (7.5 stons): the CSV has"
                                + " one BULK_STONS cell per line")
                .contains(
                        "error: "
                                + broken
                                + ":80: requirement 2CR01 (requirements[2].cargo[1]): field"
                                + " 'class' = 'PAX': a PAX cargo entry (3 stons) has no column in"
                                + " the CSV")
                .contains("refused: 2 cargo entries of " + broken + " would be lost in the CSV");
        assertThat(csv).doesNotExist();
        assertThat(run("export-lines", broken.toString())).isEqualTo(ExitCode.REFUSED);
        assertThat(out).isEmpty();
        assertNoTrace();
    }

    @Test
    void exportThenImportGivesTheSameScenario() throws Exception {
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        String csv = out;
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo(
                        "ULN,UNIT,NATION,PAX,BULK_STONS,OVERSIZE_STONS,OUTSIZE_STONS,NAT_STONS,"
                                + "BULK_SQFT,OVERSIZE_SQFT,OUTSIZE_SQFT,NAT_SQFT,ORIGIN,POE,POD,"
                                + "DESTINATION,RLD,ALD,EAD,LAD,RDD,PRIORITY,MODE");
        assertThat(csv.lines().count()).isEqualTo(4);
        String withComments =
                Files.readString(valid)
                        .replace(
                                "nodes:\n",
                                "nodes:\n  # mog: estimate from ramp area [source 12]\n")
                        .replace("lift:\n", "lift:\n  # figures: planning factors [source 3]\n");
        Files.writeString(valid, withComments);
        Path lines = dir.resolve("lines.csv");
        // a planner changes one priority in the spreadsheet
        Files.writeString(lines, csv.replace(",16,18,2,SEA", ",16,18,5,SEA"));
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        assertThat(out).isEqualTo(csv.replace(",16,18,2,SEA", ",16,18,5,SEA"));
        assertThat(run("validate", valid.toString())).isEqualTo(ExitCode.OK);
        // only the requirements section was rewritten: the rest, comments included, is as it was
        String after = Files.readString(valid);
        String keep = withComments.substring(0, withComments.indexOf("requirements:"));
        assertThat(after).startsWith(keep);
    }

    @Test
    void importPrintsAWarningAndImportsAsItsHelpSays() throws Exception {
        assertThat(run("import-lines", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.replaceAll("\\s+", " "))
                .contains("on any error it is left untouched")
                .contains(
                        "Warnings (an lad later than the rdd) are printed and the lines imported");
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        Path lines = dir.resolve("lines.csv");
        // 3AB01's lad 16 becomes 19, after its rdd 18: a warning, not a refusal
        Files.writeString(lines, out.replace(",12,16,18,2,SEA", ",12,19,18,2,SEA"));
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(err)
                .contains(
                        "warning: "
                                + lines
                                + ":3: requirement 3AB01 (requirements[1]): field 'lad' = '19': lad"
                                + " is later than rdd 18")
                .contains("imported 3 lines into " + valid);
        assertThat(Files.readString(valid)).contains("lad: 19");
    }

    @Test
    void importIntoAScenarioWithCrlfLineEndsKeepsThemThroughout() throws Exception {
        String crlf = Files.readString(valid).replace("\r\n", "\n").replace("\n", "\r\n");
        Files.writeString(valid, crlf);
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        Path lines = dir.resolve("lines.csv");
        Files.writeString(lines, out.replace(",16,18,2,SEA", ",16,18,5,SEA"));
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(err).doesNotContain("written whole");
        String after = Files.readString(valid);
        assertThat(after).startsWith(crlf.substring(0, crlf.indexOf("requirements:")));
        assertThat(after.replace("\r\n", "")).as(after).doesNotContain("\n").doesNotContain("\r");
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        assertThat(out).contains(",16,18,5,SEA");
        assertNoTrace();
    }

    @Test
    void importKeepsCommentsAfterTheLinesAndNamesHowManyInsideWereDropped() throws Exception {
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        Path lines = dir.resolve("lines.csv");
        Files.writeString(lines, out);
        String text =
                Files.readString(valid)
                        .replace(
                                "requirements:\n",
                                "requirements:   # lines of the test [source 1]\n"
                                        + "  # the airborne brigade [source 2]\n")
                        .replace(
                                "    unit: 1/82 ABN Div, brigade HQ\n",
                                "    unit: 1/82 ABN Div, brigade HQ   # 'HQ' [source 3]\n");
        String tail = "# end of scenario: figures checked 2026-11 [source 4]\n";
        Files.writeString(valid, text + (text.endsWith("\n") ? "" : "\n") + tail);
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(err)
                .contains(
                        "warning: 3 comment line(s) inside the requirements section of "
                                + valid
                                + " were dropped (a CSV has no place for them)")
                .doesNotContain("written whole");
        String after = Files.readString(valid);
        assertThat(after)
                .startsWith(text.substring(0, text.indexOf("requirements:")))
                .endsWith(tail)
                .doesNotContain("[source 1]")
                .doesNotContain("[source 3]");
        assertThat(run("validate", valid.toString())).isEqualTo(ExitCode.OK);

        // a JSON scenario is written whole, its factors written out: that is said too
        Path json = dir.resolve("valid.json");
        muster.io.ScenarioWriter.writeFile(
                muster.io.ScenarioReader.standard().readFile(valid).scenario(), json);
        assertThat(run("import-lines", lines.toString(), "--into", json.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(err).contains("warning: " + json + " was written whole");
        assertNoTrace();
    }

    @Test
    void importOfAHeaderWithNoRowsIsRefusedUnlessAllowedAsItsHelpSays() throws Exception {
        assertThat(run("import-lines", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.replaceAll("\\s+", " "))
                .contains("A CSV with a header and no rows is refused (exit 3)")
                .contains("--allow-empty");
        byte[] before = Files.readAllBytes(valid);
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        String header = out.lines().findFirst().orElseThrow();
        Path lines = dir.resolve("lines.csv");
        // a header alone, and a header with a row of cleared cells, which is skipped
        for (String csv : new String[] {header + "\n", header + "\n,,,,,,,,,,,,,,,,,,,,,,\n"}) {
            Files.writeString(lines, csv);
            assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                    .isEqualTo(ExitCode.REFUSED);
            assertThat(err)
                    .contains(
                            "error: "
                                    + lines
                                    + ": no requirement lines below the header; importing it would"
                                    + " remove all 3 line(s) of "
                                    + valid)
                    .contains("Maybe --allow-empty")
                    .contains("refused: " + valid + " is unchanged");
            assertThat(Files.readAllBytes(valid)).isEqualTo(before);
        }
        assertThat(
                        run(
                                "import-lines",
                                lines.toString(),
                                "--into",
                                valid.toString(),
                                "--allow-empty"))
                .isEqualTo(ExitCode.OK);
        assertThat(err).contains("imported 0 lines into " + valid);
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.strip()).isEqualTo(header);
        assertNoTrace();
    }

    @Test
    void importRefusesBadLinesAndLeavesTheScenarioUntouched() throws Exception {
        byte[] before = Files.readAllBytes(valid);
        assertThat(run("export-lines", valid.toString())).isEqualTo(ExitCode.OK);
        Path lines = dir.resolve("lines.csv");
        String csv = out;

        Files.writeString(lines, csv.replace(",0,,9000,", ",many,,9000,"), StandardCharsets.UTF_8);
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .contains(
                        "error: "
                                + lines
                                + ":3: row 3 (uln 3AB01): field 'PAX' = 'many': expected a whole"
                                + " number");
        assertThat(Files.readAllBytes(valid)).isEqualTo(before);

        // deck area without weight, and weight by sea without deck area: named by CSV column
        Files.writeString(
                lines, csv.replace(",9000,,6000,,150000,,90000,", ",9000,,,,150000,,4000,"));
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .contains(
                        "error: "
                                + lines
                                + ":3: row 3 (uln 3AB01): field 'NAT_STONS' = '': the NAT cargo has"
                                + " a deck area (NAT_SQFT 4000) but no weight");
        Files.writeString(
                lines, csv.replace(",9000,,6000,,150000,,90000,", ",9000,,200,,150000,,,"));
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .contains(
                        "error: "
                                + lines
                                + ":3: row 3 (uln 3AB01): field 'NAT_SQFT' = '': an empty cell: a"
                                + " SEA line gives the deck area of its NAT cargo");
        assertThat(Files.readAllBytes(valid)).isEqualTo(before);

        Files.writeString(lines, csv.replace(",FTBRAGG,KPOB,", ",FTBRAGG,KXYZ,"));
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .contains(
                        "error: "
                                + lines
                                + ":2: requirement A82AB01 (requirements[0]): field 'poe' = 'KXYZ':"
                                + " unknown node id");
        assertThat(err).contains("is unchanged");
        assertThat(Files.readAllBytes(valid)).isEqualTo(before);

        // a fault of the scenario itself is named at its line there, as validate names it
        Files.writeString(lines, csv);
        Files.writeString(
                valid,
                new String(before, StandardCharsets.UTF_8)
                        .replace(
                                "{mode: ROAD, from: DEBRV, to: GRAF, hours: 10}",
                                "{mode: ROAD," + " from: DEBRV, to: GRAFX, hours: 10}"));
        byte[] brokenScenario = Files.readAllBytes(valid);
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .contains(
                        "error: "
                                + valid
                                + ":40: route ROAD DEBRV->GRAFX (routes[5]): field 'to' = 'GRAFX':"
                                + " unknown node id");
        assertThat(Files.readAllBytes(valid)).isEqualTo(brokenScenario);
        Files.write(valid, before);

        // a quote left open on row 3 runs the row on into line 4, where the parser stops
        assertThat(csv).contains("\"3rd armored brigade, heavy equipment\"");
        Files.writeString(
                lines,
                csv.replace(
                        "\"3rd armored brigade, heavy equipment\"",
                        "\"3rd armored brigade, heavy equipment"));
        assertThat(run("import-lines", lines.toString(), "--into", valid.toString()))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err)
                .startsWith("error: " + lines + ":3: ")
                .contains("in the row that starts on line 3; a quote left open there");
        assertThat(Files.readAllBytes(valid)).isEqualTo(before);
        assertNoTrace();
    }
}
