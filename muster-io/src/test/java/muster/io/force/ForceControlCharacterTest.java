package muster.io.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import muster.model.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A control character (U+0000 to U+001F, U+007F, U+0080 to U+009F) in a text of a catalogue or a
 * requirement file is a fault at that file's line and field, by the rule a scenario's texts keep:
 * it was taken, printed raw to the terminal by {@code muster source} and written into the sourced
 * scenario, which the validator then refused naming the scenario.
 */
class ForceControlCharacterTest {
    @TempDir Path dir;

    private static final String REQUIREMENTS =
            """
            format: muster/requirements@1
            name: test
            cDate: "2022-01-24"
            decisionDay: 0
            requirements:
              - {id: HQ-CORPS, capability: HEADQUARTERS, destination: DEST, airPod: APOD,
                 rdd: 12, onlyNations: [US], excludeUnits: [U9], note: "corps element"}
            """;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /**
     * The one fault of the refused read at {@code path}: its line, field, value shown with the
     * character as an escape, and its code and place in the message; the printed fault holds no
     * control character.
     */
    private static Fault refusedAt(
            ForceRead<?> r, String path, String field, String shown, String code, int at) {
        assertThat(r.refused()).as("refused").isTrue();
        List<Fault> faults = r.faults().stream().filter(f -> path.equals(f.path())).toList();
        assertThat(faults).as(path + " in " + r.faults()).hasSize(1);
        Fault f = faults.get(0);
        assertThat(f.field()).isEqualTo(field);
        assertThat(f.value()).isEqualTo(shown);
        assertThat(f.message()).contains("(" + code + ") at character " + at);
        assertThat(f.line()).as("line").isPositive();
        String printed = f.describe("file");
        assertThat(printed.chars().filter(c -> Character.getType(c) == Character.CONTROL))
                .as(printed)
                .allMatch(c -> c == '\n' || c == '\r');
        return f;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            `uic: U1`                   | `uic: "U1\\eA"`               | units[0].uic         | uic         | U1\\u001BA            | U+001B | 3
            `name: First brigade`       | `name: "First\\0brigade"`     | units[0].name        | name        | First\\u0000brigade   | U+0000 | 6
            `homeStation: HOME1`        | `homeStation: "HOME\\x851"`   | units[0].homeStation | homeStation | HOME\\u00851          | U+0085 | 5
            `source: test data`         | `source: "test\\tdata"`       | units[0].source      | source      | test\\u0009data       | U+0009 | 5
            `id: VILSECK`               | `id: "VIL\\x7fSECK"`          | stations[0].id       | id          | VIL\\u007FSECK        | U+007F | 4
            `name: test`                | `name: "te\\nst"`             | name                 | name        | te\\u000Ast           | U+000A | 3
            """)
    void aCatalogueTextWithAControlCharacterIsRefusedAtItsLine(
            String good, String bad, String path, String field, String shown, String code, int at)
            throws Exception {
        assertThat(CatalogueReaderTest.GOOD).contains(good);
        Path f = write("c.yaml", CatalogueReaderTest.GOOD.replace(good, bad));
        refusedAt(CatalogueReader.read(f), path, field, shown, code, at);
    }

    @Test
    void aCsvCellWithAControlCharacterIsRefusedAtItsRow() throws Exception {
        String header = String.join(",", CatalogueReader.CSV_COLUMNS);
        String row = "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,96,,,AIR,,,test\n";
        assertThat(CatalogueReader.read(write("good.csv", header + "\n" + row)).refused())
                .isFalse();
        Path f = write("c.csv", header + "\n" + row + row.replace("U1,First", "U2,Fi\0rst"));
        Fault name =
                refusedAt(
                        CatalogueReader.read(f),
                        "units[1].name",
                        "name",
                        "Fi\\u0000rst",
                        "U+0000",
                        3);
        assertThat(name.line()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            `id: HQ-CORPS`          | `id: "HQ\\u001bCORPS"`       | requirements[0].id           | id           | HQ\\u001BCORPS    | U+001B | 3 | 6
            `destination: DEST`     | `destination: "DE\\0ST"`     | requirements[0].destination  | destination  | DE\\u0000ST       | U+0000 | 3 | 6
            `excludeUnits: [U9]`    | `excludeUnits: ["U\\a9"]`    | requirements[0].excludeUnits | excludeUnits | U\\u00079         | U+0007 | 2 | 7
            `note: "corps element"` | `note: "corps\\relement"`    | requirements[0].note         | note         | corps\\u000Delement | U+000D | 6 | 7
            """)
    void aRequirementTextWithAControlCharacterIsRefusedAtItsLine(
            String good,
            String bad,
            String path,
            String field,
            String shown,
            String code,
            int at,
            int line)
            throws Exception {
        assertThat(RequirementsReader.read(write("good.yaml", REQUIREMENTS)).refused()).isFalse();
        assertThat(REQUIREMENTS).contains(good);
        Path f = write("r.yaml", REQUIREMENTS.replace(good, bad));
        assertThat(refusedAt(RequirementsReader.read(f), path, field, shown, code, at).line())
                .isEqualTo(line);
    }
}
