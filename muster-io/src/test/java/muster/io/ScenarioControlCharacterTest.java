package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import muster.model.Fault;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.validate.ScenarioValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A control character (U+0000 to U+001F, U+007F, U+0080 to U+009F) in any text of a scenario, which
 * a YAML or JSON file writes with an escape and a CSV cell may hold as it is, is a fault naming the
 * place, the field and the value with the character shown as an escape: {@code muster validate},
 * {@code plan}, {@code import-lines} and the server all read a scenario through the validator.
 */
class ScenarioControlCharacterTest {
    private static ScenarioReader.Result read(String text, String name) {
        return new ScenarioReader(ScenarioReaderTest.FACTORS)
                .readBytes(text.getBytes(StandardCharsets.UTF_8), name);
    }

    /** The one fault at {@code path}, which must say what the file's text holds and where. */
    private static void refusedAt(
            ScenarioReader.Result r, String path, String field, String shown, String code) {
        assertThat(r.accepted()).as("accepted").isFalse();
        assertThat(r.scenario()).isNull();
        List<Fault> at = r.errors().stream().filter(f -> path.equals(f.path())).toList();
        assertThat(at).as(path + " in " + r.errors()).hasSize(1);
        Fault f = at.get(0);
        assertThat(f.field()).isEqualTo(field);
        assertThat(f.value()).isEqualTo(shown);
        assertThat(f.message()).contains("(" + code + ") at character");
        assertThat(f.line()).as("line").isPositive();
        String line = f.describe("s.yaml");
        assertThat(line.lines().findFirst().orElseThrow())
                .contains("field '" + field + "' = '" + shown + "'");
        assertThat(line.chars().filter(c -> Character.getType(c) == Character.CONTROL && c != '\n'))
                .as(line)
                .isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            `name: small-test`                | `name: "small\\0test"`               | name                         | name        | small\\u0000test     | U+0000
            `searchIterations: 100`           | `searchIterations: 100\\n  cDate: "2022-01-24\\N"` | planning.cDate | cDate | 2022-01-24\\u0085 | U+0085
            `{id: FTBRAGG, name: Fort Bragg,` | `{id: "FT\\aBRAGG", name: Fort Bragg,` | nodes[0].id                | id          | FT\\u0007BRAGG       | U+0007
            `name: Pope Army Airfield,`       | `name: "Pope\\tArmy Airfield",`      | nodes[1].name                | name        | Pope\\u0009Army Airfield | U+0009
            `kind: AIRFIELD, country: US, lat: 32.8986` | `kind: AIRFIELD, country: "U\\x7fS", lat: 32.8986` | nodes[2].country | country | U\\u007FS | U+007F
            `- id: C-17`                      | `- id: "C-17\\x9b"`                  | lift[0].id                   | id          | C-17\\u009B          | U+009B
            `{id: air-pob-rze,`               | `{id: "air-pob\\nrze",`              | routes[0].id                 | id          | air-pob\\u000Arze    | U+000A
            `via: [ETAR]`                     | `via: ["ETAR\\r"]`                   | routes[0].via[0]             | via         | ETAR\\u000D          | U+000D
            `uln: "A82AB01"`                  | `uln: "A82\\u0000AB01"`              | requirements[0].uln          | uln         | A82\\u0000AB01       | U+0000
            `unit: 1/82 ABN Div, brigade HQ`  | `unit: "brigade\\eHQ"`               | requirements[0].unit         | unit        | brigade\\u001BHQ     | U+001B
            `nation: US`                      | `nation: "U\\x1fS"`                  | requirements[0].nation       | nation      | U\\u001FS            | U+001F
            `poe: KPOB`                       | `poe: "KPOB\\b"`                     | requirements[0].poe          | poe         | KPOB\\u0008          | U+0008
            """)
    void aControlCharacterInATextOfAYamlScenarioIsAFaultOfItsField(
            String was, String is, String path, String field, String shown, String code)
            throws Exception {
        String text = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        assertThat(text).contains(was);
        String edited =
                text.replaceFirst(
                        java.util.regex.Pattern.quote(was),
                        java.util.regex.Matcher.quoteReplacement(is.replace("\\n  ", "\n  ")));
        refusedAt(read(edited, "s.yaml"), path, field, shown, code);
    }

    @Test
    void aControlCharacterWrittenAsAJsonEscapeIsAFaultOfItsField() throws Exception {
        String text = Files.readString(ScenarioReaderTest.resource("valid.json"));
        assertThat(text).contains("\"name\": \"Fort Bragg\"");
        String edited = text.replace("\"name\": \"Fort Bragg\"", "\"name\": \"Fort\\u0007Bragg\"");
        refusedAt(read(edited, "s.json"), "nodes[0].name", "name", "Fort\\u0007Bragg", "U+0007");
    }

    /**
     * import-lines reads a CSV, whose cells hold a NUL or an escape as it is, and validates the
     * scenario with its lines before writing anything.
     */
    @Test
    void aControlCharacterInACsvCellIsAFaultOfTheLineItIsImportedInto() throws Exception {
        String header = String.join(",", RequirementCsv.COLUMNS) + "\r\n";
        String csv =
                header
                        + "U1\u0000A,1st bde,US,10,5,,,,0,,,,FTBRAGG,KPOB,EPRZ,EPRZ-AA,0,1,1,3,4,1,AIR\r\n"
                        + "U2,brigade\u001bHQ,US,10,5,,,,0,,,,FTBRAGG,KPOB,EPRZ,EPRZ-AA,0,1,1,3,4,1,AIR\r\n";
        RequirementCsv.Result lines =
                RequirementCsv.read(csv.getBytes(StandardCharsets.UTF_8), "lines.csv");
        assertThat(lines.faults()).isEmpty();
        Scenario s =
                new ScenarioReader(ScenarioReaderTest.FACTORS)
                        .readFile(ScenarioReaderTest.resource("valid.yaml"))
                        .scenario();
        List<RequirementLine> merged = new ArrayList<>(lines.lines());
        List<Fault> faults =
                ScenarioValidator.validate(
                        new Scenario(
                                s.name(), s.nodes(), s.lift(), s.routes(), merged, s.planning()));
        assertThat(ScenarioValidator.accepts(faults)).isFalse();
        assertThat(faults)
                .extracting(Fault::path, Fault::value)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("requirements[0].uln", "U1\\u0000A"),
                        org.assertj.core.groups.Tuple.tuple(
                                "requirements[1].unit", "brigade\\u001BHQ"));
    }

    /** The characters next to the controls, and letters of other scripts, are text. */
    @ParameterizedTest
    @ValueSource(strings = {"~", "\u00a0", "\u00e9", "\u0100"})
    void aCharacterBesideTheControlsIsTaken(String c) throws Exception {
        String text = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        String edited =
                text.replace("unit: 1/82 ABN Div, brigade HQ", "unit: \"brigade" + c + "HQ\"");
        ScenarioReader.Result r = read(edited, "s.yaml");
        assertThat(r.errors()).extracting(f -> f.describe("s.yaml")).isEmpty();
        assertThat(r.scenario().requirements().get(0).unit()).isEqualTo("brigade" + c + "HQ");
    }
}
