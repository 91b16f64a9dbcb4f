package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import muster.model.CargoClass;
import muster.model.Fault;
import muster.model.LiftType;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    static final LiftFactors FACTORS = LiftFactors.fromClasspath("test-lift-types.yaml");

    static Path resource(String name) throws Exception {
        return Path.of(ScenarioReaderTest.class.getClassLoader().getResource(name).toURI());
    }

    private static ScenarioReader.Result read(String text, String name) {
        return new ScenarioReader(FACTORS).readBytes(text.getBytes(StandardCharsets.UTF_8), name);
    }

    @Test
    void readsTheSmallValidScenario() throws Exception {
        ScenarioReader.Result r = new ScenarioReader(FACTORS).readFile(resource("valid.yaml"));
        assertThat(r.faults()).isEmpty();
        Scenario s = r.scenario();
        assertThat(s.requirements()).hasSize(3);
        assertThat(s.nodes()).hasSize(11);
        assertThat(s.lift().get(0).rangeNm()).isEqualTo(4000);
        assertThat(s.lift().get(1).hasRange()).isFalse();
        assertThat(s.requirements().get(2).poe()).isNull();
    }

    @Test
    void yamlAndJsonOfTheSameTreeGiveTheSameScenario() throws Exception {
        ScenarioReader reader = new ScenarioReader(FACTORS);
        Scenario yaml = reader.readFile(resource("valid.yaml")).scenario();
        Scenario json = reader.readFile(resource("valid.json")).scenario();
        assertThat(json).isNotNull().isEqualTo(yaml);
    }

    @Test
    void syntaxIsSniffedWhenTheNameDoesNotTell() throws Exception {
        byte[] json = Files.readAllBytes(resource("valid.json"));
        ScenarioReader.Result r = new ScenarioReader(FACTORS).readBytes(json, "scenario.txt");
        assertThat(r.accepted()).isTrue();
    }

    @Test
    void aWholeNumberYamlReadsAsOctalIsRefusedNamingWhatWasMeant() throws Exception {
        // YAML 1.1 reads 030 as 24 and 010 as 8; taken, the horizon and the handling hours would
        // be other than the file says without a word
        String text =
                Files.readString(resource("valid.yaml"))
                        .replace("horizonDays: 30", "horizonDays: 030")
                        .replace("handlingHours: 3}", "handlingHours: 010}");
        ScenarioReader.Result r = read(text, "octal.yaml");
        assertThat(r.accepted()).isFalse();
        assertThat(r.errors())
                .extracting(f -> f.describe("octal.yaml"))
                .containsExactly(
                        "error: octal.yaml:4: planning: field 'horizonDays' = '030': a whole number with"
                                + " a leading 0, which YAML reads as the octal number 24, not 30:"
                                + " write it without the leading 0\n  Maybe 30",
                        "error: octal.yaml:13: node EPRZ (nodes[4]): field 'handlingHours' = '010': a"
                                + " whole number with a leading 0, which YAML reads as the octal"
                                + " number 8, not 10: write it without the leading 0\n  Maybe 10");
    }

    @Test
    void aLeadingZeroThatChangesNothingIsRead() throws Exception {
        // 03 and 07 are 3 and 7 whether or not YAML takes them for octal
        String text =
                Files.readString(resource("valid.yaml"))
                        .replace("    ald: 3\n", "    ald: 03\n")
                        .replace("    ead: 12\n", "    ead: 07\n");
        ScenarioReader.Result r = read(text, "zeros.yaml");
        assertThat(r.errors()).isEmpty();
        assertThat(r.scenario().requirements().get(1).ald()).isEqualTo(3);
        assertThat(r.scenario().requirements().get(1).ead()).isEqualTo(7);
    }

    /**
     * A leading 0 before a whole number with an 8 or a 9 changes nothing either, and is read as a
     * catalogue or requirement file reads it: YAML reads {@code 09} as text, being no octal number,
     * and it was refused as no whole number, where a requirement file read its {@code rdd: 09} as
     * day 9.
     */
    @Test
    void aLeadingZeroBeforeAnEightOrANineIsReadAsTheForceFilesReadIt() throws Exception {
        String text =
                Files.readString(resource("valid.yaml"))
                        .replace("horizonDays: 30", "horizonDays: 039")
                        .replace("    ead: 12\n", "    ead: 08\n")
                        .replace("lon: -79.0}", "lon: -079}");
        ScenarioReader.Result r = read(text, "zeros.yaml");
        assertThat(r.errors()).isEmpty();
        assertThat(r.scenario().planning().horizonDays()).isEqualTo(39);
        assertThat(r.scenario().requirements().get(1).ead()).isEqualTo(8);
        assertThat(r.scenario().nodes().get(0).lon()).isEqualTo(-79.0);

        // past what the field holds, or text, it is refused as before
        ScenarioReader.Result large =
                read(text.replace("horizonDays: 039", "horizonDays: 09999999999"), "large.yaml");
        assertThat(large.errors())
                .extracting(f -> f.describe("large.yaml"))
                .containsExactly(
                        "error: large.yaml:4: planning: field 'horizonDays' = '09999999999':"
                                + " number too large");
        ScenarioReader.Result quotedText =
                read(text.replace("horizonDays: 039", "horizonDays: 09x"), "text.yaml");
        assertThat(quotedText.errors())
                .extracting(Fault::message)
                .containsExactly("expected a whole number");
        // quoted, it is text by the writer's choice, as "12" is
        for (String quoted : java.util.List.of("\"09\"", "'09'", "\"12\"")) {
            ScenarioReader.Result r2 =
                    read(text.replace("horizonDays: 039", "horizonDays: " + quoted), "q.yaml");
            assertThat(r2.errors())
                    .as(quoted)
                    .extracting(Fault::message)
                    .containsExactly("expected a whole number");
        }
    }

    /**
     * Lists nested deeper than the parser reads (1,000) are refused at the line and column of the
     * bracket that went too deep, in YAML and in JSON: the refusal named no line, and a file of
     * brackets could not be mended from it.
     */
    @Test
    void listsNestedTooDeepAreRefusedAtTheirLineAndColumn() throws Exception {
        String yaml =
                "format: muster/scenario@1\nname: deep\nplanning:\n  horizonDays: 30\nnodes: "
                        + "[".repeat(1500)
                        + "]".repeat(1500)
                        + "\n";
        ScenarioReader.Result r = read(yaml, "deep.yaml");
        assertThat(r.accepted()).isFalse();
        // the root mapping is one level, so the 1,000th bracket (column 7 + 1000) is the 1,001st
        assertThat(r.errors().get(0).describe("deep.yaml"))
                .isEqualTo(
                        "error: deep.yaml:5: file: cannot read the document: Document nesting"
                                + " depth (1001) exceeds the maximum allowed (1000) at column 1007"
                                + " (line 5)");

        String json = "{\n\"nodes\":\n" + "[\n".repeat(1500) + "]\n".repeat(1500) + "}\n";
        ScenarioReader.Result j = read(json, "deep.json");
        assertThat(j.accepted()).isFalse();
        assertThat(j.errors().get(0).line()).isEqualTo(1002);
        assertThat(j.errors().get(0).message()).endsWith("at column 1 (line 1002)");
    }

    @Test
    void aControlCharacterIsNamedByItsCodeAndLine() throws Exception {
        // the YAML parser refuses it as 'special characters are not allowed', at line 1
        String text =
                Files.readString(resource("valid.yaml"))
                        .replace("name: Ramstein", "name: Ram\u001bstein");
        ScenarioReader.Result r = read(text, "escape.yaml");
        assertThat(r.accepted()).isFalse();
        assertThat(r.errors())
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.line()).isEqualTo(12);
                            assertThat(f.message())
                                    .contains("U+001B")
                                    .contains("at column 25 (line 12)");
                        });
    }

    @Test
    void ladAfterRddIsAWarningOnly() throws Exception {
        String text =
                Files.readString(resource("valid.yaml")).replace("    lad: 3\n", "    lad: 6\n");
        ScenarioReader.Result r = read(text, "lad.yaml");
        assertThat(r.accepted()).isTrue();
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).hasSize(1);
        Fault w = r.warnings().get(0);
        assertThat(w.severity()).isEqualTo(Fault.Severity.WARNING);
        assertThat(w.path()).isEqualTo("requirements[0].lad");
        assertThat(w.where()).isEqualTo("requirement A82AB01");
        assertThat(w.value()).isEqualTo("6");
        assertThat(w.line()).isEqualTo(55);
        assertThat(w.message()).isEqualTo("lad is later than rdd 4");
    }

    @Test
    void factorsFillEveryFieldTheEntryLeavesOut() throws Exception {
        String text =
                Files.readString(resource("valid.yaml"))
                        .replace(
                                """
                                  - id: C-17
                                    mode: AIR
                                    count: 10
                                    availableFromDay: 0
                                    baseNode: KCHS
                                    carries: [PAX, BULK, OVERSIZE, OUTSIZE]
                                    paxCapacity: 102
                                    stonsCapacity: 45
                                    speedKnots: 410
                                    rangeNm: 4000
                                    groundHours: {onload: 2.25, offload: 2.25, enroute: 2.25}
                                """,
                                """
                                  - id: C-17
                                    factors: C-17
                                    count: 10
                                    baseNode: KCHS
                                    stonsCapacity: 40
                                    groundHours: {onload: 3}
                                """);
        ScenarioReader.Result r = read(text, "factors.yaml");
        assertThat(r.faults()).isEmpty();
        LiftType c17 = r.scenario().lift().get(0);
        assertThat(c17.carries()).contains(CargoClass.OUTSIZE, CargoClass.PAX);
        assertThat(c17.paxCapacity()).isEqualTo(102);
        assertThat(c17.stonsCapacity()).isEqualTo(40); // the scenario's own figure wins
        assertThat(c17.speedKnots()).isEqualTo(410);
        assertThat(c17.rangeNm()).isEqualTo(4000);
        assertThat(c17.groundHours().onload()).isEqualTo(3);
        assertThat(c17.groundHours().offload()).isEqualTo(2.25);
    }

    @Test
    void missingFactorsFileIsAFaultNotACrash() throws Exception {
        String text =
                Files.readString(resource("valid.yaml"))
                        .replace("  - id: C-17\n", "  - id: C-17\n    factors: C-17\n");
        ScenarioReader.Result r =
                new ScenarioReader(LiftFactors.fromClasspath("absent.yaml"))
                        .readBytes(text.getBytes(StandardCharsets.UTF_8), "x.yaml");
        assertThat(r.accepted()).isFalse();
        assertThat(r.errors().get(0).message()).contains("absent.yaml not found");
    }

    @Test
    void everyFaultOfALineIsReportedAtOnce() throws Exception {
        String text =
                Files.readString(resource("valid.yaml"))
                        .replace("    poe: KPOB\n", "    poe: KXYZ\n")
                        .replace(
                                "    priority: 1\n    mode: AIR\n",
                                "    priority: 0\n    mode: AIR\n");
        ScenarioReader.Result r = read(text, "two.yaml");
        assertThat(r.errors())
                .extracting(Fault::field, Fault::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("priority", 57),
                        org.assertj.core.groups.Tuple.tuple("poe", 49));
    }
}
