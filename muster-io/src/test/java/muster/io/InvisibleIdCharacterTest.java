package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import muster.io.force.CatalogueReader;
import muster.io.force.ForceRead;
import muster.io.force.RequirementsReader;
import muster.model.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An invisible format character (a zero-width space, joiner or no-break space, a word joiner, a
 * bidirectional control) in an id of a scenario, a catalogue or a requirement file is refused by
 * one rule, naming its code and place: a ULN {@code A82<U+200B>AB01} beside {@code A82AB01} was
 * another ULN that prints the same, so both lines were taken. A name may hold one (a name in Arabic
 * needs its marks, one in Persian its joiners). One outside the BMP, the language tag U+E0001 or a
 * tag character, is refused and shown as an escape as well, its place counted in characters, a
 * letter outside the BMP one.
 */
class InvisibleIdCharacterTest {
    @TempDir Path dir;

    /** A catalogue of one unit that reads without a fault; {@link OpenBidiTest} uses it too. */
    static final String CATALOGUE =
            """
            format: muster/catalogue@1
            name: test
            units:
              - uic: U1
                name: First brigade
                nation: US
                capability: AIRBORNE_IBCT
                echelon: BRIGADE
                homeStation: HOME1
                airPoe: APOE
                personnel: 3300
                readiness: 1
                noticeToMoveHours: 18
                deployMode: AIR
                source: test data
            """;

    /** A requirement file of one requirement that reads without a fault. */
    static final String REQUIREMENTS =
            """
            format: muster/requirements@1
            name: test
            cDate: "2022-01-24"
            decisionDay: 0
            requirements:
              - {id: HQ-CORPS, capability: HEADQUARTERS, destination: DEST, airPod: APOD,
                 rdd: 12, excludeUnits: [U9]}
            """;

    /**
     * The one error of {@code field} in {@code faults}, which names the character and its place.
     */
    private static Fault refused(
            List<Fault> faults, String field, String shown, String code, int at) {
        List<Fault> errors =
                faults.stream().filter(f -> f.isError() && field.equals(f.field())).toList();
        assertThat(errors).as(field + " in " + faults).hasSize(1);
        Fault f = errors.get(0);
        assertThat(f.value()).isEqualTo(shown);
        assertThat(f.message()).contains("(" + code + ") at character " + at);
        assertThat(f.line()).as("line").isPositive();
        return f;
    }

    private static ScenarioReader.Result scenario(String text) {
        return new ScenarioReader(ScenarioReaderTest.FACTORS)
                .readBytes(text.getBytes(StandardCharsets.UTF_8), "s.yaml");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            `uln: "3AB01"`        | `uln: "A82\\u200bAB01"`     | uln         | A82\\u200BAB01   | U+200B | 4
            `{id: GRAF,`          | `{id: "GR\\u2066AF",`       | id          | GR\\u2066AF      | U+2066 | 3
            `baseNode: USNFK,`    | `baseNode: "US\\u202eNFK",` | baseNode    | US\\u202ENFK     | U+202E | 3
            `via: [ETAR]`         | `via: ["ETAR\\ufeff"]`      | via         | ETAR\\uFEFF      | U+FEFF | 5
            `uln: "2CR01"`        | `uln: "2CR\\u200d01"`       | uln         | 2CR\\u200D01     | U+200D | 4
            `{id: KCHS,`          | `{id: "KC\\u2060HS",`       | id          | KC\\u2060HS      | U+2060 | 3
            `uln: "3AB01"`        | `uln: "A82\\U000E0001AB01"` | uln         | A82\\uDB40\\uDC01AB01 | U+E0001 | 4
            """)
    void anInvisibleCharacterInAScenarioIdIsRefused(
            String good, String bad, String field, String shown, String code, int at)
            throws Exception {
        String valid = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        assertThat(valid).contains(good);
        assertThat(scenario(valid).accepted()).isTrue();
        ScenarioReader.Result r = scenario(valid.replace(good, bad));
        assertThat(r.accepted()).isFalse();
        refused(r.errors(), field, shown, code, at);
    }

    /** Two ULNs that print the same are refused, one as the other was refused as a duplicate. */
    @Test
    void aUlnThatPrintsAsAnotherIsRefusedAndANameMayHoldAJoiner() throws Exception {
        String valid = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        assertThat(valid).contains("uln: \"A82AB01\"", "uln: \"3AB01\"", "name: Grafenwoehr");
        ScenarioReader.Result twice = scenario(valid.replace("uln: \"3AB01\"", "uln: \"A82AB01\""));
        assertThat(twice.errors()).anySatisfy(f -> assertThat(f.message()).contains("duplicate"));
        ScenarioReader.Result hidden =
                scenario(valid.replace("uln: \"3AB01\"", "uln: \"A82\\u200bAB01\""));
        assertThat(hidden.accepted()).isFalse();

        ScenarioReader.Result named =
                scenario(valid.replace("name: Grafenwoehr", "name: \"Grafen\\u200dwoehr\""));
        assertThat(named.errors()).isEmpty();
        assertThat(named.accepted()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            `uic: U1`           | `uic: "U\\u200b1"`        | uic         | U\\u200B1       | U+200B | 2
            `homeStation: HOME1` | `homeStation: "HOME1\\u200e"` | homeStation | HOME1\\u200E | U+200E | 6
            """)
    void anInvisibleCharacterInACatalogueIdIsRefused(
            String good, String bad, String field, String shown, String code, int at)
            throws Exception {
        assertThat(CatalogueReader.read(write("good.yaml", CATALOGUE)).refused()).isFalse();
        assertThat(CATALOGUE).contains(good);
        ForceRead<?> r = CatalogueReader.read(write("c.yaml", CATALOGUE.replace(good, bad)));
        assertThat(r.refused()).isTrue();
        refused(r.faults(), field, shown, code, at);
    }

    @Test
    void aCatalogueNameMayHoldAJoiner() throws Exception {
        ForceRead<?> r =
                CatalogueReader.read(
                        write(
                                "c.yaml",
                                CATALOGUE.replace(
                                        "name: First brigade", "name: \"First\\u200dbrigade\"")));
        assertThat(r.faults()).isEmpty();
        assertThat(r.refused()).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            `id: HQ-CORPS`       | `id: "HQ\\u202eCORPS"`     | id           | HQ\\u202ECORPS | U+202E | 3
            `excludeUnits: [U9]` | `excludeUnits: ["U\\u200b9"]` | excludeUnits | U\\u200B9   | U+200B | 2
            `airPod: APOD`       | `airPod: "\\ufeffAPOD"`     | airPod       | \\uFEFFAPOD    | U+FEFF | 1
            `id: HQ-CORPS`       | `id: "HQ\\U0001F680\\U000E0041"` | id       | HQ🚀\\uDB40\\uDC41 | U+E0041 | 4
            """)
    void anInvisibleCharacterInARequirementIdIsRefused(
            String good, String bad, String field, String shown, String code, int at)
            throws Exception {
        assertThat(RequirementsReader.read(write("good.yaml", REQUIREMENTS)).refused()).isFalse();
        assertThat(REQUIREMENTS).contains(good);
        ForceRead<?> r = RequirementsReader.read(write("r.yaml", REQUIREMENTS.replace(good, bad)));
        assertThat(r.refused()).isTrue();
        refused(r.faults(), field, shown, code, at);
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
