package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import muster.io.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForceCommandsTest {
    static final String REQS = "../scenarios/eastern-flank-2022-requirements.yaml";
    static final String CAT = "../data/catalogue/eastern-flank-2022-units.yaml";
    static final String NET = "../scenarios/eastern-flank-2022.yaml";

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Muster.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void sourceWritesAScenarioThatValidates() {
        Path out = dir.resolve("sourced.yaml");
        Run r = run("source", REQS, CAT, "--network", NET, "--out", out.toString(), "--explain");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ABN-RZE#1", "WAB1AA", "why: cost", "wrote " + out);
        ScenarioReader.Result back = ScenarioReader.read(out);
        assertThat(back.accepted()).as(back.faults().toString()).isTrue();
        assertThat(back.scenario().requirements())
                .extracting(l -> l.uln())
                .contains("WAB1AA-P", "WAC31C-S", "WCR2S1-L");
    }

    @Test
    void sourceRefusesABadRequirementNamingFileLineAndField() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                Files.readString(Path.of(REQS)).replace("destination: ETOU", "destination: EDDF"));
        Run r =
                run(
                        "source",
                        bad.toString(),
                        CAT,
                        "--network",
                        NET,
                        "--out",
                        dir.resolve("x.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .contains(
                        bad
                                + ":15: requirement HQ-CORPS (requirements[0]): field 'destination' = 'EDDF'");
        assertThat(dir.resolve("x.yaml")).doesNotExist();
    }

    /**
     * A sourced line whose ULN the network scenario already has is named at the network file's
     * line, where it was put at the requirements file's "requirements:" key, which has no such
     * line.
     */
    @Test
    void aUlnClashOnAppendIsNamedAtTheNetworksLine() throws Exception {
        Path first = dir.resolve("first.yaml");
        Run r = run("source", REQS, CAT, "--network", NET, "--out", first.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> text = Files.readAllLines(first);
        int line = text.indexOf("- uln: \"WJ18CP-P\"") + 1;
        assertThat(line).isPositive();
        Path again = dir.resolve("again.yaml");
        Run clash =
                run(
                        "source",
                        REQS,
                        CAT,
                        "--network",
                        first.toString(),
                        "--out",
                        again.toString(),
                        "--append");
        assertThat(clash.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(clash.err())
                .contains(
                        "error: "
                                + first
                                + ":"
                                + line
                                + ": requirement WJ18CP-P (requirements[0]): field 'uln' ="
                                + " 'WJ18CP-P': the network scenario already has a line with this"
                                + " ULN, which the unit chosen for HQ-CORPS#1 (WJ18CP) would write"
                                + " too")
                .doesNotContain(REQS + ":");
        assertThat(again).doesNotExist();
    }

    @Test
    void anOrdersUnitsAreTrimmedAndABlankIdOrUnitOrALogUnderAFileIsRefused() throws Exception {
        String log = dir.resolve("trim.jsonl").toString();
        List<String> draft =
                List.of(
                        "orders",
                        "draft",
                        "--log",
                        log,
                        "--user",
                        "ann",
                        "--kind",
                        "ALERT",
                        "--authority",
                        "SECDEF",
                        "--notice-hours",
                        "5");
        java.util.function.BiFunction<String, String, Run> withIdAndUnits =
                (id, units) -> {
                    List<String> args = new ArrayList<>(draft);
                    args.addAll(List.of("--id", id, "--units", units));
                    return run(args.toArray(String[]::new));
                };
        Run spaced = withIdAndUnits.apply("T1", "WAB1AA, WJ18CP");
        assertThat(spaced.code()).as(spaced.err()).isZero();
        assertThat(run("orders", "approve", "T1", "--log", log, "--user", "bob").code()).isZero();
        assertThat(run("orders", "issue", "T1", "--log", log, "--user", "bob").code()).isZero();
        Run board = run("readiness", "--log", log, "--catalogue", CAT);
        assertThat(board.out()).containsPattern("ALERTED +WJ18CP");
        // the alert took effect when drafted (today): on an earlier day the unit was available
        Run earlier = run("readiness", "--log", log, "--catalogue", CAT, "--as-of", "2022-01-01");
        assertThat(earlier.out()).containsPattern("AVAILABLE +WJ18CP").doesNotContain("ALERTED");
        Run blankId = withIdAndUnits.apply("  ", "WAB1AA");
        assertThat(blankId.code()).isEqualTo(ExitCode.USAGE);
        assertThat(blankId.err()).contains("--id: blank");
        Run blankUnit = withIdAndUnits.apply("T2", "WAB1AA,,WJ18CP");
        assertThat(blankUnit.code()).isEqualTo(ExitCode.USAGE);
        assertThat(blankUnit.err()).contains("--units: an empty UIC");
        Path file = Files.writeString(dir.resolve("a-file"), "kept");
        List<String> under = new ArrayList<>(draft);
        under.set(3, file.resolve("x.jsonl").toString());
        under.addAll(List.of("--id", "T3", "--units", "WAB1AA"));
        Run underFile = run(under.toArray(String[]::new));
        assertThat(underFile.code()).isEqualTo(ExitCode.USAGE);
        assertThat(underFile.err()).contains("--log: ").contains("is a file, so the directory");
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    /** The kind of an order is taken in any case, as the server's API takes it. */
    @Test
    void anOrdersKindIsTakenInAnyCase() {
        String log = dir.resolve("kinds.jsonl").toString();
        Run lower = draftKind(log, "K1", "alert", "WAB1AA");
        assertThat(lower.code()).as(lower.err()).isZero();
        Run mixed = draftKind(log, "K2", "Alert", "WJ18CP");
        assertThat(mixed.code()).as(mixed.err()).isZero();
        assertThat(run("orders", "list", "--log", log).out())
                .containsPattern("K1 +ALERT")
                .containsPattern("K2 +ALERT");
        Run unknown = draftKind(log, "K3", "alarm", "WAB1AA");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err())
                .contains("--kind")
                .contains("ALERT, DEPLOY, STAND_DOWN")
                .contains("'alarm'");
    }

    /**
     * A draft without {@code --effective} takes effect from the whole second it was recorded in, so
     * the list's EFFECTIVE column holds a time as wide as one given by hand, not one with
     * nanoseconds that pushes the columns after it out of line.
     */
    @Test
    void aDraftWithoutAnEffectiveTimeTakesEffectFromTheWholeSecond() {
        String log = dir.resolve("now.jsonl").toString();
        Run d = draftKind(log, "N1", "ALERT", "WAB1AA");
        assertThat(d.code()).as(d.err()).isZero();
        List<String> lines = run("orders", "list", "--log", log).out().lines().toList();
        assertThat(lines.get(1))
                .startsWith("N1")
                .containsPattern(" \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ")
                .doesNotContainPattern(":\\d\\d\\.\\d+Z");
    }

    /** {@code orders draft} of one unit with five hours' notice, the kind written as given. */
    private static Run draftKind(String log, String id, String kind, String uic) {
        return run(TestCommands.draft(log, id, kind, uic, "SECDEF", "--notice-hours", "5"));
    }

    @Test
    void ordersLifecycleAndRefusalsThroughTheCommandLine() {
        String log = dir.resolve("orders.jsonl").toString();
        assertThat(
                        run(TestCommands.draft(
                                        log,
                                        "A1",
                                        "ALERT",
                                        "WAB1AA,WJ18CP",
                                        "SECDEF",
                                        "--notice-hours",
                                        "96",
                                        "--effective",
                                        "2022-01-24T00:00:00Z",
                                        "--catalogue",
                                        CAT))
                                .code())
                .isZero();
        Run self = run("orders", "approve", "A1", "--log", log, "--user", "ann");
        assertThat(self.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(self.err()).contains("cannot approve it");
        assertThat(run("orders", "issue", "A1", "--log", log, "--user", "bob").err())
                .contains("must be approved");
        assertThat(run("orders", "approve", "A1", "--log", log, "--user", "bob").code()).isZero();
        Run issued = run("orders", "issue", "A1", "--log", log, "--user", "bob");
        assertThat(issued.code()).isZero();
        assertThat(issued.out()).contains("WAB1AA ALERTED");
        Run sd = run(TestCommands.draft(log, "S1", "STAND_DOWN", "WAB2AA", "SECDEF"));
        assertThat(sd.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(sd.err()).contains("never alerted");
        Run badDate =
                run(
                        TestCommands.draft(
                                log,
                                "D1",
                                "DEPLOY",
                                "WAB1AA",
                                "SECDEF",
                                "--destination",
                                "AA-RZE",
                                "--c-day",
                                "24 Jan",
                                "--ready",
                                "2022-02-09"));
        assertThat(badDate.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badDate.err()).contains("--c-day '24 Jan' is not a date");

        Run list = run("orders", "list", "--log", log);
        assertThat(list.out()).contains("A1", "ISSUED", "1 order(s), 3 event(s)");
        Run board = run("readiness", "--log", log, "--catalogue", CAT, "--as-of", "2022-02-01");
        assertThat(board.code()).as(board.err()).isZero();
        assertThat(board.out().lines().filter(l -> l.startsWith("ALERTED")).count()).isEqualTo(2);
        assertThat(board.out()).contains("ALERTED=2}");
    }

    @Test
    void anEventTheLogCannotHoldIsNamedWithTheLogFileWhileACommandsOwnRefusalIsNot()
            throws Exception {
        Path file = dir.resolve("replay.jsonl");
        String log = file.toString();
        Run draft =
                run(
                        "orders",
                        "draft",
                        "--log",
                        log,
                        "--user",
                        "ann",
                        "--id",
                        "A1",
                        "--kind",
                        "ALERT",
                        "--authority",
                        "SECDEF",
                        "--notice-hours",
                        "5",
                        "--units",
                        "WAB1AA");
        assertThat(draft.code()).as(draft.err()).isZero();
        Run own = run("orders", "approve", "A1", "--log", log, "--user", "ann");
        assertThat(own.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(own.err()).startsWith("refused: ").doesNotContain(log);
        // a second event, well formed, approves an order the log never drafted
        String first = Files.readAllLines(file).get(0);
        String second =
                first.replaceFirst("\"seq\":1", "\"seq\":2")
                        .replaceFirst("\"type\":\"DRAFTED\"", "\"type\":\"APPROVED\"")
                        .replaceFirst("\"orderId\":\"A1\"", "\"orderId\":\"ZZ\"")
                        .replaceFirst(",\"order\":\\{.*\\}(?=\\}$)", "");
        assertThat(second)
                .contains("\"seq\":2", "APPROVED", "\"orderId\":\"ZZ\"")
                .doesNotContain("\"order\":");
        Files.writeString(file, second + "\n", java.nio.file.StandardOpenOption.APPEND);
        for (String[] args :
                new String[][] {
                    {"orders", "list", "--log", log},
                    {"orders", "approve", "A1", "--log", log, "--user", "bob"},
                    {"readiness", "--log", log, "--catalogue", CAT}
                }) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.REFUSED);
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .contains("refused: " + log + ": event 2 of the log: no order ZZ in the log");
        }
    }

    /**
     * A draft stopped in the middle of its write leaves the log's last line cut short: every
     * command and the board refuse the log naming it, the line, the byte and 'orders repair', and
     * change nothing; the repair moves the cut line beside the log and says so, after which the
     * whole events read as they were and the draft can be given again.
     */
    @Test
    void aLogCutShortByAStoppedCommandIsRefusedEverywhereAndRepairedByOrdersRepair()
            throws Exception {
        Path file = dir.resolve("orders.jsonl");
        String log = file.toString();
        assertThat(draftKind(log, "A1", "ALERT", "WAB1AA").code()).isZero();
        assertThat(run("orders", "approve", "A1", "--log", log, "--user", "bob").code()).isZero();
        long whole = Files.size(file);
        assertThat(draftKind(log, "A2", "ALERT", "WJ18CP").code()).isZero();
        byte[] all = Files.readAllBytes(file);
        byte[] cut = java.util.Arrays.copyOf(all, (int) (whole + (all.length - whole) / 2));
        Files.write(file, cut);
        for (String[] args :
                new String[][] {
                    {"orders", "list", "--log", log},
                    {"orders", "approve", "A1", "--log", log, "--user", "cat"},
                    {"orders", "issue", "A1", "--log", log, "--user", "bob"},
                    {"orders", "cancel", "A1", "--log", log, "--user", "bob", "--reason", "x"},
                    TestCommands.draft(
                            log, "A3", "ALERT", "WJ18CP", "SECDEF", "--notice-hours", "5"),
                    {"readiness", "--log", log, "--catalogue", CAT}
                }) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.REFUSED);
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .startsWith(
                            "refused: "
                                    + log
                                    + ":3: the last line is cut short (no end of line), from byte "
                                    + whole
                                    + " of the file to its end at byte "
                                    + cut.length)
                    .contains("the 2 events before it are intact")
                    .contains(
                            "run 'muster orders repair --log "
                                    + log
                                    + "', which moves the cut line to orders.jsonl.cut-"
                                    + whole)
                    .doesNotContain("Exception");
            assertThat(r.out()).doesNotContain("A1");
            assertThat(Files.readAllBytes(file)).isEqualTo(cut);
        }
        Run repair = run("orders", "repair", "--log", log);
        assertThat(repair.code()).as(repair.err()).isZero();
        Path side = dir.resolve("orders.jsonl.cut-" + whole);
        assertThat(repair.out())
                .startsWith(
                        "moved line 3 of "
                                + log
                                + ", cut short ("
                                + (cut.length - whole)
                                + " bytes from byte "
                                + whole
                                + ": '{\"seq\":3,")
                .contains("to " + side + "; the log holds its 2 whole event(s)")
                .contains("give it again if it is still wanted");
        assertThat(Files.readAllBytes(side))
                .isEqualTo(java.util.Arrays.copyOfRange(all, (int) whole, cut.length));
        assertThat(Files.readAllBytes(file)).isEqualTo(java.util.Arrays.copyOf(all, (int) whole));
        Run list = run("orders", "list", "--log", log);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("1 order(s), 2 event(s)");
        assertThat(draftKind(log, "A2", "ALERT", "WJ18CP").code()).isZero();
        Run again = run("orders", "repair", "--log", log);
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEqualTo(log + " reads whole (3 event(s)); nothing to repair\n");
    }

    @Test
    void aMistypedLogIsRefusedNotShownAsAnEmptyBoard() {
        String missing = dir.resolve("typo.jsonl").toString();
        for (String[] args :
                new String[][] {
                    {"orders", "list", "--log", missing},
                    {"orders", "approve", "A1", "--log", missing, "--user", "bob"},
                    {"readiness", "--log", missing, "--catalogue", CAT}
                }) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.REFUSED);
            assertThat(r.err()).contains("--log '" + missing + "': no order log there");
            assertThat(r.out()).doesNotContain("AVAILABLE");
        }
        assertThat(Files.exists(Path.of(missing))).isFalse();
    }

    @Test
    void sourceNamesEveryInputItCannotReadInOneRun() {
        String reqs = dir.resolve("typo-requirements.yaml").toString();
        String cat = dir.resolve("typo-catalogue.yaml").toString();
        Run r =
                run(
                        "source",
                        reqs,
                        cat,
                        "--network",
                        NET,
                        "--out",
                        dir.resolve("x.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .contains("error: REQUIREMENTS " + reqs + ": no such file")
                .contains("error: CATALOGUE " + cat + ": no such file")
                .contains("nothing was sourced")
                .doesNotContain("Exception");
        assertThat(dir.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void aDirectoryGivenForAnInputFileIsRefusedByNameNotAsAnInternalFailure() throws Exception {
        Path d = Files.createDirectory(dir.resolve("folder"));
        String[][] cases = {
            {"orders", "list", "--log", d.toString()},
            {"orders", "approve", "A1", "--log", d.toString(), "--user", "bob"},
            {"readiness", "--log", d.toString(), "--catalogue", CAT},
            {
                "source",
                d.toString(),
                CAT,
                "--network",
                NET,
                "--out",
                dir.resolve("x.yaml").toString()
            },
            {
                "source",
                REQS,
                d.toString(),
                "--network",
                NET,
                "--out",
                dir.resolve("x.yaml").toString()
            },
        };
        for (String[] args : cases) {
            Run r = run(args);
            assertThat(r.code())
                    .as(String.join(" ", args) + "\n" + r.err())
                    .isEqualTo(ExitCode.REFUSED);
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .contains(d.toString())
                    .contains(": is a directory, not a file")
                    .doesNotContain("Exception");
        }
    }

    /**
     * A log the user may read but not write: each command that appends names the file and the
     * cause, with no trace, and exits 1 (an output that could not be written); list still reads it.
     */
    @Test
    void aReadOnlyLogIsNamedWithTheCauseByEveryCommandThatAppends() throws Exception {
        Path log = dir.resolve("o.jsonl");
        Run d =
                run(
                        TestCommands.draft(
                                log.toString(), "A1", "ALERT", "U1", "X", "--notice-hours", "5"));
        assertThat(d.code()).as(d.err()).isEqualTo(ExitCode.OK);
        Files.setPosixFilePermissions(
                log, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        org.junit.jupiter.api.Assumptions.assumeFalse(
                Files.isWritable(log), "root writes a read-only file all the same");
        byte[] before = Files.readAllBytes(log);
        String[][] appends = {
            {"approve", "A1", "--user", "bob"},
            {"cancel", "A1", "--user", "bob", "--reason", "r"},
            {
                "draft",
                "--user",
                "ann",
                "--id",
                "A2",
                "--kind",
                "ALERT",
                "--units",
                "U2",
                "--authority",
                "X",
                "--notice-hours",
                "5"
            }
        };
        for (String[] a : appends) {
            List<String> args = new ArrayList<>(List.of("orders"));
            args.addAll(List.of(a));
            args.addAll(List.of("--log", log.toString()));
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(a[0] + ": " + r.err()).isEqualTo(ExitCode.INTERNAL);
            assertThat(r.err())
                    .as(a[0])
                    .isEqualTo(
                            "error: cannot append to order log "
                                    + log
                                    + ": permission denied; nothing was written to it"
                                    + System.lineSeparator());
        }
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
        Run list = run("orders", "list", "--log", log.toString());
        assertThat(list.code()).as(list.err()).isEqualTo(ExitCode.OK);
        assertThat(list.out()).contains("1 order(s), 1 event(s)");
    }

    @Test
    void aBadAsOfDateIsAUsageErrorNamingTheOption() throws Exception {
        Path log = dir.resolve("o.jsonl");
        Files.writeString(log, "");
        Run r =
                run(
                        "readiness",
                        "--log",
                        log.toString(),
                        "--catalogue",
                        CAT,
                        "--as-of",
                        "2022-13-01");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("error: --as-of '2022-13-01' is not a date (yyyy-mm-dd)")
                .doesNotContain("Exception")
                .doesNotContain("--debug");
        assertThat(r.out()).doesNotContain("readiness board");
    }

    /** A date at the end of what Java can hold has no next day, which the board reads to. */
    @Test
    void anAsOfOrEffectiveYearBeyond9999IsAUsageErrorNamingTheOption() throws Exception {
        Path log = dir.resolve("o.jsonl");
        Files.writeString(log, "");
        Run board =
                run(
                        "readiness",
                        "--log",
                        log.toString(),
                        "--catalogue",
                        CAT,
                        "--as-of",
                        "+999999999-12-31");
        assertThat(board.code()).isEqualTo(ExitCode.USAGE);
        assertThat(board.err())
                .contains("error: --as-of '+999999999-12-31': the year 999999999 is outside")
                .doesNotContain("Exception");
        Run draft =
                run(
                        "orders",
                        "draft",
                        "--log",
                        log.toString(),
                        "--user",
                        "ann",
                        "--id",
                        "O-1",
                        "--authority",
                        "SECDEF",
                        "--kind",
                        "ALERT",
                        "--units",
                        "WAB1AA",
                        "--notice-hours",
                        "5",
                        "--effective",
                        "+1000000000-01-01T00:00:00Z");
        assertThat(draft.code()).isEqualTo(ExitCode.USAGE);
        assertThat(draft.err()).contains("error: --effective '+1000000000-01-01T00:00:00Z'");
        assertThat(Files.readString(log)).isEmpty();
    }

    @Test
    void aStationLinkToAnUnknownNodeIsNamedAtTheCataloguesLine() throws Exception {
        Path cat = dir.resolve("cat.yaml");
        String text = Files.readString(Path.of(CAT));
        String link = "links: [{to: USBPT, mode: RAIL, hours: 70}]";
        long line = text.substring(0, text.indexOf(link)).lines().count();
        Files.writeString(cat, text.replace(link, "links: [{to: USBTP, mode: RAIL, hours: 70}]"));
        Path out = dir.resolve("x.yaml");
        Run r = run("source", REQS, cat.toString(), "--network", NET, "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .contains(
                        cat
                                + ":"
                                + line
                                + ": station FTBLISS (stations[0].links[0]): field 'to' = 'USBTP'")
                .doesNotContain(REQS)
                .doesNotContain("sourced scenario");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingCatalogueNamesTheFile() throws Exception {
        Path log = dir.resolve("o.jsonl");
        Files.writeString(log, "");
        String cat = dir.resolve("nope.yaml").toString();
        Run r = run("readiness", "--log", log.toString(), "--catalogue", cat);
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("--catalogue '" + cat + "'").doesNotContain("Exception:");
    }

    @Test
    void aDraftTakesTheOptionsOfItsKindAndNamesTheOneMissingOrOutOfPlace() {
        String log = dir.resolve("orders.jsonl").toString();
        String[] base = {
            "orders",
            "draft",
            "--log",
            log,
            "--user",
            "ann",
            "--id",
            "X1",
            "--units",
            "WAB1AA",
            "--authority",
            "SECDEF",
            "--kind"
        };
        String[][] cases = {
            {"ALERT", "--notice-hours is missing: an ALERT order needs --notice-hours"},
            {"ALERT", "--notice-hours '-3' is below 0", "--notice-hours", "-3"},
            {
                "ALERT",
                "--destination 'AA-RZE' does not apply to an ALERT order (it takes --notice-hours)",
                "--notice-hours",
                "96",
                "--destination",
                "AA-RZE"
            },
            {
                "DEPLOY",
                "--ready is missing: a DEPLOY order needs --destination, --c-day, --ready",
                "--destination",
                "AA-RZE",
                "--c-day",
                "2022-02-02"
            },
            {
                "DEPLOY",
                "--notice-hours '96' does not apply to a DEPLOY order",
                "--destination",
                "AA-RZE",
                "--c-day",
                "2022-02-02",
                "--ready",
                "2022-02-09",
                "--notice-hours",
                "96"
            },
            {
                "STAND_DOWN",
                "--c-day '2022-02-02' does not apply to a STAND_DOWN order",
                "--c-day",
                "2022-02-02"
            }
        };
        for (String[] c : cases) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(base));
            args.add(c[0]);
            args.addAll(java.util.List.of(c).subList(2, c.length));
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code())
                    .as(String.join(" ", args) + "\n" + r.err())
                    .isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains(c[1]);
        }
        assertThat(Path.of(log)).as("a refused draft writes no log").doesNotExist();
        String[] good = java.util.Arrays.copyOf(base, base.length + 3);
        good[base.length] = "ALERT";
        good[base.length + 1] = "--notice-hours";
        good[base.length + 2] = "0";
        Run ok = run(good);
        assertThat(ok.code()).as(ok.err()).isZero();
    }

    @Test
    void aDraftsCatalogueThatCannotBeReadOrHasFaultsIsNamedAndNothingIsRecorded() throws Exception {
        Path log = dir.resolve("orders.jsonl");
        String[] draft = {
            "orders",
            "draft",
            "--log",
            log.toString(),
            "--user",
            "ann",
            "--id",
            "A1",
            "--kind",
            "ALERT",
            "--units",
            "WAB1AA",
            "--authority",
            "SECDEF",
            "--notice-hours",
            "120",
            "--catalogue"
        };
        String missing = dir.resolve("nope.yaml").toString();
        Run r = run(concat(draft, missing));
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .contains("--catalogue '" + missing + "': no such file")
                .doesNotContain("Exception");
        assertThat(log).doesNotExist();

        Path faulty = dir.resolve("faulty.yaml");
        Files.writeString(
                faulty,
                Files.readString(Path.of(CAT))
                        .replaceFirst("noticeToMoveHours: 24 ", "noticeToMoveHours: -24 "));
        r = run(concat(draft, faulty.toString()));
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("noticeToMoveHours").contains("-24");
        assertThat(log).doesNotExist();
    }

    static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void theOrdersListSaysWhenEachOrderTakesEffectAndWhoCancelledOneAndWhy() {
        String log = dir.resolve("orders.jsonl").toString();
        for (String id : List.of("A1", "A2")) {
            Run d =
                    run(
                            TestCommands.draft(
                                    log,
                                    id,
                                    "ALERT",
                                    "WAB1AA",
                                    "SECDEF",
                                    "--notice-hours",
                                    "120",
                                    "--effective",
                                    "2022-01-24T06:00:00Z"));
            assertThat(d.code()).as(d.err()).isZero();
        }
        // a cancel's history says why: a blank reason is refused and records nothing
        Run blank = run("orders", "cancel", "A1", "--log", log, "--user", "bob", "--reason", " ");
        assertThat(blank.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(blank.err()).contains("refused: order A1: a cancel needs a reason");
        Run c =
                run(
                        "orders",
                        "cancel",
                        "A2",
                        "--log",
                        log,
                        "--user",
                        "bob",
                        "--reason",
                        "sent twice");
        assertThat(c.code()).as(c.err()).isZero();
        Run list = run("orders", "list", "--log", log);
        assertThat(list.code()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).contains("EFFECTIVE");
        assertThat(lines.get(1)).startsWith("A1").contains("DRAFT", "2022-01-24T06:00:00Z");
        assertThat(lines.get(2)).startsWith("A2").contains("CANCELLED", "2022-01-24T06:00:00Z");
        assertThat(lines.get(3)).isEqualTo("  cancelled by bob: sent twice");
        assertThat(lines.get(4)).isEqualTo("2 order(s), 3 event(s)");
    }

    /**
     * A cancel's reason may run over lines, and another user lists the log in a terminal: each line
     * of it stays under its order, indented, and a carriage return in it cannot take the terminal
     * back to the line's start to write over who cancelled. A reason that began a line of its own
     * could pass for an order of the list.
     */
    @Test
    void aReasonOverLinesInTheOrdersListStaysUnderItsOrder() {
        String log = dir.resolve("orders.jsonl").toString();
        Run d =
                run(
                        TestCommands.draft(
                                log,
                                "A1",
                                "ALERT",
                                "WAB1AA",
                                "SECDEF",
                                "--notice-hours",
                                "120",
                                "--effective",
                                "2022-01-24T06:00:00Z"));
        assertThat(d.code()).as(d.err()).isZero();
        String forged = "A9           ALERT      ISSUED    2022-01-24T06:00:00Z alice";
        Run c =
                run(
                        "orders",
                        "cancel",
                        "A1",
                        "--log",
                        log,
                        "--user",
                        "bob",
                        "--reason",
                        "sent twice\n" + forged + "\r  cancelled by carol: per J3\r\nend");
        assertThat(c.code()).as(c.err()).isZero();
        Run list = run("orders", "list", "--log", log);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).doesNotContain("\r");
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(1)).startsWith("A1").contains("CANCELLED");
        assertThat(lines.subList(2, lines.size() - 1))
                .containsExactly(
                        "  cancelled by bob: sent twice",
                        "    " + forged,
                        "      cancelled by carol: per J3",
                        "    end");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 order(s), 2 event(s)");
    }

    /** The units of a deployment order are DEPLOYING between its effective time and ready date. */
    @Test
    void aDeploymentReadyBeforeItTakesEffectIsRefusedWhenDrafted() throws Exception {
        Path file = dir.resolve("orders.jsonl");
        String log = file.toString();
        Run d = draftDeploy(log, "D1", "2022-02-09", "2022-03-01T00:00:00Z");
        assertThat(d.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(d.err())
                .contains(
                        "refused: deployment order D1: ready date 2022-02-09 is before 2022-03-01,"
                                + " the day it takes effect (effective 2022-03-01T00:00:00Z)")
                .doesNotContain("Exception");
        assertThat(Files.exists(file) ? Files.readString(file) : "").isEmpty();
        // ready on the day it takes effect: taken
        assertThat(draftDeploy(log, "D2", "2022-03-01", "2022-03-01T00:00:00Z").code()).isZero();
    }

    /**
     * Issuing a deployment order says each status the board then gives its units: DEPLOYING from
     * when it takes effect, DEPLOYED from its ready date, or DEPLOYED at once when it is ready the
     * day it takes effect.
     */
    @Test
    void issuingADeploymentSaysTheStatusesTheBoardShowsDayByDay() {
        String log = dir.resolve("orders.jsonl").toString();
        assertThat(draftDeploy(log, "D1", "2022-02-09", "2022-01-26T00:00:00Z").code()).isZero();
        assertThat(run("orders", "approve", "D1", "--log", log, "--user", "bob").code()).isZero();
        Run issued = run("orders", "issue", "D1", "--log", log, "--user", "bob");
        assertThat(issued.code()).as(issued.err()).isZero();
        assertThat(issued.out())
                .contains(
                        "WAB1AA DEPLOYING from 2022-01-26T00:00:00Z, DEPLOYED from"
                                + " 2022-02-09T00:00:00Z");
        Map<String, String> board = new java.util.LinkedHashMap<>();
        board.put("2022-01-25", "AVAILABLE");
        board.put("2022-01-26", "DEPLOYING");
        board.put("2022-02-08", "DEPLOYING");
        board.put("2022-02-09", "DEPLOYED");
        Run s =
                run(
                        TestCommands.draft(
                                log,
                                "S1",
                                "STAND_DOWN",
                                "WAB1AA",
                                "SECDEF",
                                "--effective",
                                "2022-02-20T00:00:00Z"));
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(run("orders", "approve", "S1", "--log", log, "--user", "bob").code()).isZero();
        assertThat(run("orders", "issue", "S1", "--log", log, "--user", "bob").out())
                .contains("WAB1AA STOOD_DOWN from 2022-02-20T00:00:00Z");
        board.put("2022-02-20", "STOOD_DOWN");
        // ready the day it takes effect, at 18:00: DEPLOYED on that day, as the board ends it
        assertThat(draftDeploy(log, "D2", "2022-03-01", "2022-03-01T18:00:00Z").code()).isZero();
        assertThat(run("orders", "approve", "D2", "--log", log, "--user", "bob").code()).isZero();
        Run same = run("orders", "issue", "D2", "--log", log, "--user", "bob");
        assertThat(same.out()).contains("WAB1AA DEPLOYED from 2022-03-01T18:00:00Z\n");
        board.put("2022-02-28", "STOOD_DOWN");
        board.put("2022-03-01", "DEPLOYED");
        board.forEach(
                (day, status) ->
                        assertThat(
                                        run(
                                                        "readiness",
                                                        "--log",
                                                        log,
                                                        "--catalogue",
                                                        CAT,
                                                        "--as-of",
                                                        day)
                                                .out())
                                .as(day)
                                .containsPattern(status + " +WAB1AA"));
    }

    private static Run draftDeploy(String log, String id, String ready, String effective) {
        return run(
                TestCommands.draft(
                        log,
                        id,
                        "DEPLOY",
                        "WAB1AA",
                        "SECDEF",
                        "--destination",
                        "AA-RZE",
                        "--c-day",
                        "2022-01-24",
                        "--ready",
                        ready,
                        "--effective",
                        effective));
    }

    /**
     * The note of units named by orders but not in the catalogue counts the orders in effect by the
     * board's day, as the board does. Before, it named a unit whose only order took effect later,
     * under a board that counted no unit named by orders.
     */
    @Test
    void theNoteOfUnitsNotInTheCatalogueCountsOnlyOrdersInEffectByTheDay() {
        String log = dir.resolve("orders.jsonl").toString();
        Run d =
                run(
                        TestCommands.draft(
                                log,
                                "A1",
                                "ALERT",
                                "ZZ9999",
                                "SECDEF",
                                "--notice-hours",
                                "120",
                                "--effective",
                                "2030-03-01T06:00:00Z"));
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(run("orders", "approve", "A1", "--log", log, "--user", "bob").code()).isZero();
        assertThat(run("orders", "issue", "A1", "--log", log, "--user", "bob").code()).isZero();
        Run before = run("readiness", "--log", log, "--catalogue", CAT, "--as-of", "2030-02-28");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out())
                .contains("named by orders, by nation: {}")
                .doesNotContain("ZZ9999");
        Run then = run("readiness", "--log", log, "--catalogue", CAT, "--as-of", "2030-03-01");
        assertThat(then.out())
                .contains(
                        "note: unit ZZ9999 is named by orders in effect by 2030-03-01 but not in "
                                + CAT);
    }

    /** An order issued today that takes effect later says so, as the board counts it then. */
    @Test
    void issuingSaysFromWhenTheUnitsTakeTheirNewStatus() {
        String log = dir.resolve("orders.jsonl").toString();
        Run d =
                run(
                        TestCommands.draft(
                                log,
                                "A1",
                                "ALERT",
                                "WAB1AA",
                                "SECDEF",
                                "--notice-hours",
                                "120",
                                "--effective",
                                "2030-03-01T06:00:00Z"));
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(run("orders", "approve", "A1", "--log", log, "--user", "bob").code()).isZero();
        Run issued = run("orders", "issue", "A1", "--log", log, "--user", "bob");
        assertThat(issued.code()).as(issued.err()).isZero();
        assertThat(issued.out()).contains("WAB1AA ALERTED from 2030-03-01T06:00:00Z");
        Run board = run("readiness", "--log", log, "--catalogue", CAT, "--as-of", "2030-02-28");
        assertThat(board.out()).containsPattern("AVAILABLE +WAB1AA");
    }
}
