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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bidirectional embedding, override or isolate that a name opens and does not close reorders what
 * is shown after the name to the end of its line: a terminal's columns, a sentence of the report,
 * another nation's screen ({@code Alpha<U+202E>} made the rest of its line read backwards). Such a
 * name is refused in a scenario, a catalogue and a requirement file alike, naming the control and
 * its place; one closed within the name, which a name in Arabic or Hebrew beside Latin letters may
 * need, and the marks, which open nothing, are taken.
 */
class OpenBidiTest {
    @TempDir Path dir;

    private static ScenarioReader.Result scenario(String text) {
        return new ScenarioReader(ScenarioReaderTest.FACTORS)
                .readBytes(text.getBytes(StandardCharsets.UTF_8), "s.yaml");
    }

    /** The one error of {@code field}, naming the control, its code and its place. */
    private static void refused(List<Fault> faults, String field, String code, int at) {
        List<Fault> errors =
                faults.stream().filter(f -> f.isError() && field.equals(f.field())).toList();
        assertThat(errors).as(field + " in " + faults).hasSize(1);
        assertThat(errors.get(0).message())
                .contains("(" + code + ") at character " + at)
                .contains("not closed before the end of its line");
    }

    /**
     * Names as YAML writes them: {@code open} is refused for the control of {@code code} at
     * character {@code at}; {@code closed} is taken.
     */
    private static final String CASES =
            """
            `"Graf\\u202Eenwoehr"`                | U+202E | 5 | `"Graf\\u202Eenw\\u202Coehr"`
            `"\\u202BGrafenwoehr"`                | U+202B | 1 | `"\\u202BGrafen\\u202Cwoehr"`
            `"Graf\\u2067enwoehr"`                | U+2067 | 5 | `"Graf\\u2067enw\\u2069oehr"`
            `"Gr\\u2068af\\u202Denwoehr\\u202C"`  | U+2068 | 3 | `"Gr\\u2068af\\u202Denwoehr\\u2069"`
            `"Graf\\u202Eenw\\u2069oehr"`         | U+202E | 5 | `"Graf\\u200Fenwoehr\\u061C"`
            `"Graf\\u2066enw\\u202Coehr"`         | U+2066 | 5 | `"Graf\\u202Cenwoehr\\u2069"`
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = CASES)
    void aScenarioNameThatLeavesABidiControlOpenIsRefused(
            String open, String code, int at, String closed) throws Exception {
        String valid = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        assertThat(valid).contains("name: Grafenwoehr");
        ScenarioReader.Result r = scenario(valid.replace("name: Grafenwoehr", "name: " + open));
        assertThat(r.accepted()).isFalse();
        refused(r.errors(), "name", code, at);
        ScenarioReader.Result ok = scenario(valid.replace("name: Grafenwoehr", "name: " + closed));
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.accepted()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = CASES)
    void aCatalogueNameThatLeavesABidiControlOpenIsRefused(
            String open, String code, int at, String closed) throws Exception {
        String good = "name: First brigade";
        // the same names, given to a unit
        String bad = "name: " + open;
        ForceRead<?> r =
                CatalogueReader.read(
                        write("c.yaml", InvisibleIdCharacterTest.CATALOGUE.replace(good, bad)));
        assertThat(r.refused()).isTrue();
        refused(r.faults(), "name", code, at);
        String fine = "name: " + closed;
        ForceRead<?> ok =
                CatalogueReader.read(
                        write("ok.yaml", InvisibleIdCharacterTest.CATALOGUE.replace(good, fine)));
        assertThat(ok.faults()).isEmpty();
        assertThat(ok.refused()).isFalse();
    }

    /** {@link InvisibleIdCharacterTest#REQUIREMENTS} with a note on its requirement. */
    private static final String REQUIREMENTS =
            InvisibleIdCharacterTest.REQUIREMENTS.replace(
                    "excludeUnits: [U9]}", "excludeUnits: [U9], note: Grafenwoehr}");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = CASES)
    void aRequirementNoteThatLeavesABidiControlOpenIsRefused(
            String open, String code, int at, String closed) throws Exception {
        ForceRead<?> r =
                RequirementsReader.read(
                        write(
                                "r.yaml",
                                REQUIREMENTS.replace("note: Grafenwoehr", "note: " + open)));
        assertThat(r.refused()).isTrue();
        refused(r.faults(), "note", code, at);
        ForceRead<?> ok =
                RequirementsReader.read(
                        write(
                                "ok.yaml",
                                REQUIREMENTS.replace("note: Grafenwoehr", "note: " + closed)));
        assertThat(ok.faults()).isEmpty();
        assertThat(ok.refused()).isFalse();
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
