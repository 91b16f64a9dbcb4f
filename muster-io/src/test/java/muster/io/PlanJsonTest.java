package muster.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.Constraint;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.LowerBound;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.Stop;
import muster.model.Unmet;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
    static Plan example() {
        return new Plan(
                "eastern-flank-2022",
                new PlannerInfo("lns", "0.1.0", 1.7, 1),
                new Measures(
                        21, 12.5, 1, 47, List.of(new Unmet("A82AB02", CargoClass.OUTSIZE, 3.5))),
                new LowerBound(19, 0.0, "relaxation"),
                List.of(
                        new Mission(
                                "M17",
                                "C-17",
                                3,
                                List.of(
                                        new Stop("KCHS", Activity.START, 10.0, 10.0),
                                        new Stop("KPOB", Activity.ONLOAD, 11.2, 14.45),
                                        new Stop("ETAR", Activity.ENROUTE, 24.1, 26.35),
                                        new Stop("EPRZ", Activity.OFFLOAD, 28.0, 31.25)),
                                List.of(
                                        new Load(
                                                "A82AB01",
                                                60,
                                                List.of(new LoadCargo(CargoClass.BULK, 20)),
                                                1,
                                                3)))),
                List.of(
                        new LineResult("A82AB01", 31.25, 40.0, 1, 0, null),
                        new LineResult(
                                "2CR01",
                                null,
                                60.0,
                                2,
                                1,
                                "road move longer than the time to rdd")),
                List.of(new Constraint("MOG", "EPRZ", "3-5", 12.5, 1)));
    }

    @Test
    void writesTheSpecShapeAndReadsBackEqual() throws Exception {
        Plan p = example();
        String json = PlanJson.write(p);
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(names(root))
                .containsExactly(
                        "format",
                        "scenario",
                        "planner",
                        "measures",
                        "lowerBound",
                        "missions",
                        "lines",
                        "bindingConstraints");
        assertThat(root.get("format").asText()).isEqualTo("muster/plan@1");
        JsonNode m = root.get("missions").get(0);
        assertThat(names(m)).containsExactly("id", "lift", "tail", "stops", "loads");
        assertThat(names(m.get("stops").get(0)))
                .containsExactly("node", "activity", "arrive", "depart");
        assertThat(names(m.get("loads").get(0)))
                .containsExactly("uln", "pax", "cargo", "on", "off");
        assertThat(names(root.get("measures").get("unmet").get(0)))
                .containsExactly("uln", "class", "amount");
        // a LAND line has no podArrival
        assertThat(root.get("lines").get(1).has("podArrival")).isFalse();
        assertThat(root.get("lines").get(1).get("reason").asText()).startsWith("road move");
        assertThat(PlanJson.read(json)).isEqualTo(p);
    }

    @Test
    void aBrokenPlanNamesThePlaceAndField() {
        String json =
                PlanJson.write(example())
                        .replace("\"activity\" : \"ENROUTE\"", "\"activity\" : \"FLY\"");
        assertThatThrownBy(() -> PlanJson.read(json))
                .isInstanceOf(PlanJson.PlanFormatException.class)
                .hasMessageContaining("missions[0].stops[2]")
                .hasMessageContaining("field 'activity' = '\"FLY\"'");
        assertThatThrownBy(() -> PlanJson.read("{\"format\": \"muster/plan@1\", \"missions\": ["))
                .isInstanceOf(PlanJson.PlanFormatException.class)
                .hasMessageContaining("plan:1:");
        // an object left open: where it opened, in the file's terms, not the parser's
        assertThatThrownBy(() -> PlanJson.read("{\"format\": \"muster/plan@1\""))
                .isInstanceOf(PlanJson.PlanFormatException.class)
                .hasMessageContaining(
                        "expected close marker for Object (start marker at line 1, column 1)")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("StreamReadFeature");
    }

    @Test
    void anEntryThatIsNotAnObjectIsNamedWithItsValue() throws Exception {
        ObjectMapper om = new ObjectMapper();
        // a stop given as a number, a mission as null, the measures as text, a cargo entry as a
        // list: each is named by its place and value, not as a record whose fields are missing
        List<java.util.function.Consumer<ObjectNode>> edits =
                List.of(
                        p -> ((ArrayNode) p.at("/missions/0/stops")).set(2, 5),
                        p -> ((ArrayNode) p.at("/missions")).insertNull(0),
                        p -> p.put("measures", "none"),
                        p ->
                                ((ArrayNode) p.at("/missions/0/loads/0/cargo"))
                                        .insertArray(0)
                                        .add(20));
        List<String> places =
                List.of(
                        "missions[0].stops[2] = '5'",
                        "missions[0] = 'null'",
                        "measures = '\"none\"'",
                        "missions[0].loads[0].cargo[0] = '[20]'");
        for (int i = 0; i < edits.size(); i++) {
            ObjectNode p = (ObjectNode) om.readTree(PlanJson.write(example()));
            edits.get(i).accept(p);
            String broken = om.writeValueAsString(p);
            assertThatThrownBy(() -> PlanJson.read(broken))
                    .as(places.get(i))
                    .isInstanceOf(PlanJson.PlanFormatException.class)
                    .hasMessageContaining(places.get(i) + ": expected an object")
                    .hasMessageNotContaining("missing")
                    .hasMessageNotContaining("has no stops");
        }
        // a field of the plan itself is named as the plan's, not at an empty place
        assertThatThrownBy(() -> PlanJson.read("{\"scenario\": \"x\"}"))
                .hasMessage("plan: plan: field 'format' is missing: expected text");
    }

    @Test
    void aListTheFormatAlwaysHasIsRefusedByNameWhenLeftOut() throws Exception {
        ObjectMapper om = new ObjectMapper();
        // read as empty, a plan without its missions was checked as one that moved nothing, and
        // each line was blamed for the load it lost; the missing field was never named
        List<String> pointers =
                List.of(
                        "/missions",
                        "/lines",
                        "/measures/unmet",
                        "/missions/0/stops",
                        "/missions/0/loads",
                        "/missions/0/loads/0/cargo");
        List<String> places =
                List.of(
                        "plan: plan: field 'missions' is missing",
                        "plan: plan: field 'lines' is missing",
                        "plan: measures: field 'unmet' is missing",
                        "plan: missions[0]: field 'stops' is missing",
                        "plan: missions[0]: field 'loads' is missing",
                        "plan: missions[0].loads[0]: field 'cargo' is missing");
        for (int i = 0; i < pointers.size(); i++) {
            ObjectNode p = (ObjectNode) om.readTree(PlanJson.write(example()));
            String ptr = pointers.get(i);
            int cut = ptr.lastIndexOf('/');
            ((ObjectNode) p.at(ptr.substring(0, cut))).remove(ptr.substring(cut + 1));
            String broken = om.writeValueAsString(p);
            assertThatThrownBy(() -> PlanJson.read(broken))
                    .as(ptr)
                    .isInstanceOf(PlanJson.PlanFormatException.class)
                    .hasMessageStartingWith(places.get(i))
                    .hasMessageContaining("expected a list");
        }
        // muster's own addition may be left out
        ObjectNode p = (ObjectNode) om.readTree(PlanJson.write(example()));
        p.remove("bindingConstraints");
        assertThat(PlanJson.read(om.writeValueAsString(p)).bindingConstraints()).isEmpty();
    }

    /**
     * A field the format does not have, at any place of the plan, is ignored with a warning that
     * names the place and the field, and the nearest known field where one is near: a misspelt
     * optional field is otherwise read as absent without a word. A plan as muster writes it has
     * none.
     */
    @Test
    void anUnknownFieldIsIgnoredWithAWarningNamingThePlaceAndField() throws Exception {
        ObjectMapper om = new ObjectMapper();
        assertThat(PlanJson.readWithWarnings(PlanJson.write(example())).warnings()).isEmpty();
        List<String> objects =
                List.of(
                        "",
                        "/planner",
                        "/measures",
                        "/measures/unmet/0",
                        "/lowerBound",
                        "/missions/0",
                        "/missions/0/stops/3",
                        "/missions/0/loads/0",
                        "/missions/0/loads/0/cargo/0",
                        "/lines/1",
                        "/bindingConstraints/0");
        List<String> places =
                List.of(
                        "plan",
                        "planner",
                        "measures",
                        "measures.unmet[0]",
                        "lowerBound",
                        "missions[0]",
                        "missions[0].stops[3]",
                        "missions[0].loads[0]",
                        "missions[0].loads[0].cargo[0]",
                        "lines[1]",
                        "bindingConstraints[0]");
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode p = (ObjectNode) om.readTree(PlanJson.write(example()));
            ((ObjectNode) p.at(objects.get(i))).put("remark", "kept by hand");
            PlanJson.Read read = PlanJson.readWithWarnings(om.writeValueAsString(p));
            assertThat(read.plan()).as(objects.get(i)).isEqualTo(example());
            assertThat(read.warnings()).as(objects.get(i)).hasSize(1);
            assertThat(read.warnings().get(0).isError()).isFalse();
            assertThat(read.warnings().get(0).describe("plan.json"))
                    .isEqualTo(
                            "warning: plan.json: "
                                    + places.get(i)
                                    + ": field 'remark': unknown field, ignored");
        }
        // a misspelt optional field: muster's own list, read as left out, and a line's reason
        ObjectNode p = (ObjectNode) om.readTree(PlanJson.write(example()));
        p.set("bindingConstraint", p.remove("bindingConstraints"));
        ((ObjectNode) p.at("/lines/1"))
                .set("reasn", ((ObjectNode) p.at("/lines/1")).remove("reason"));
        PlanJson.Read read = PlanJson.readWithWarnings(om.writeValueAsString(p));
        assertThat(read.plan().bindingConstraints()).isEmpty();
        assertThat(read.warnings())
                .extracting(w -> w.describe("plan.json"))
                .containsExactly(
                        "warning: plan.json: plan: field 'bindingConstraint': unknown field,"
                                + " ignored"
                                + System.lineSeparator()
                                + "  Maybe bindingConstraints",
                        "warning: plan.json: lines[1]: field 'reasn': unknown field, ignored"
                                + System.lineSeparator()
                                + "  Maybe reason");
    }

    @Test
    void aWholeNumberTooLargeSaysWhichWholeNumbersAreTaken() {
        String json =
                PlanJson.write(example()).replaceFirst("\"pax\" ?: ?60", "\"pax\": 1099511627776");
        assertThatThrownBy(() -> PlanJson.read(json))
                .isInstanceOf(PlanJson.PlanFormatException.class)
                .hasMessage(
                        "plan: missions[0].loads[0]: field 'pax' = '1099511627776': expected a whole"
                                + " number from -2147483648 to 2147483647");
    }

    @Test
    void aPlanBeyondTheParsersLimitsIsRefusedInTheFilesTerms() {
        // nested lists deeper than the parser takes, and a number longer than it reads: the
        // message says what is too deep or too long, without a line 0 or the parser's settings
        String deep =
                "{\"format\": \"muster/plan@1\", \"missions\": "
                        + "[".repeat(1500)
                        + "]".repeat(1500)
                        + "}";
        assertThatThrownBy(() -> PlanJson.read(deep))
                .isInstanceOf(PlanJson.PlanFormatException.class)
                .hasMessageStartingWith("plan:1: ")
                .hasMessageContaining("nesting depth")
                .hasMessageNotContaining("plan:0")
                .hasMessageNotContaining("StreamReadConstraints");
        String longNumber =
                "{\"format\": \"muster/plan@1\", \"missions\": [{\"tail\": "
                        + "9".repeat(1500)
                        + "}]}";
        assertThatThrownBy(() -> PlanJson.read(longNumber))
                .isInstanceOf(PlanJson.PlanFormatException.class)
                .hasMessageContaining("Number value length")
                .hasMessageNotContaining("plan:0")
                .hasMessageNotContaining("StreamReadConstraints");
    }

    /**
     * Lists nested deeper than the parser reads (1,000) are refused at the line and column of the
     * bracket that went too deep, as a scenario is: the refusal named no line, and a plan of one
     * line of brackets no column.
     */
    @Test
    void aPlanNestedTooDeepIsRefusedAtTheLineAndColumnOfTheBracket() {
        String deep =
                "{\"format\": \"muster/plan@1\",\n\"scenario\": \"x\",\n\"missions\": "
                        + "[".repeat(1500)
                        + "]".repeat(1500)
                        + "}\n";
        // the object is one deep, so the 1,000th bracket, after the 12 characters of
        // '"missions": ', is the 1,001st
        assertThatThrownBy(() -> PlanJson.read(deep))
                .isInstanceOf(PlanJson.PlanFormatException.class)
                .hasMessage(
                        "plan:3: Document nesting depth (1001) exceeds the maximum allowed (1000)"
                                + " at column 1012 (line 3)")
                .satisfies(
                        e ->
                                assertThat(((PlanJson.PlanFormatException) e).fault().line())
                                        .isEqualTo(3));
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
