package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import muster.model.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every file in {@code broken/} is refused, and its first error names exactly the place, the field,
 * the value and the file line given in the table below.
 */
class BrokenScenarioTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            nullValues = "null",
            textBlock =
                    """
            area-without-weight.yaml | 1 | 63 | requirements[1].cargo[1].stons | requirement 3AB01 | stons | 0 | the NAT cargo has a deck area (4000 sq ft) but no weight
            air-carries-nat.yaml | 1 | 26 | lift[0].carries | lift type C-17 | carries | NAT | an AIR lift type cannot carry NAT (not air-transportable) cargo
            air-route-via-seaport.yaml | 1 | 35 | routes[0].via[0] | route air-pob-rze | via | DEBRV | every point of a route of mode AIR must be of kind AIRFIELD, not
            airfield-without-mog.yaml | 1 | 11 | nodes[2].mog | node KCHS | mog | 0 | an AIRFIELD needs a mog (aircraft on the ground at once) of 1 or more
            bad-enum-kind.yaml | 1 | 12 | nodes[3].kind | node ETAR | kind | AIRFEILD | not one of INSTALLATION, AIRFIELD, SEAPORT, RAIL_TERMINAL,
            bad-enum-mode.json | 1 | 280 | requirements[2].mode | requirement 2CR01 | mode | LANDD | not one of AIR, SEA, LAND
            bad-format.yaml | 1 | 1 | format | scenario | format | muster/scenario@2 | not a scenario format this version reads
            cargo-class-pax.yaml | 1 | 79 | requirements[2].cargo[0].class | requirement 2CR01 | class | PAX | people are given by 'pax', not as a cargo entry
            capacity-zero.yaml | 2 | 47 | requirements[0].cargo[0].class | requirement A82AB01 | class | BULK | no AIR lift type carries BULK (C-17 lists it in 'carries' but has no capacity for it)
            class-not-carried.yaml | 1 | 47 | requirements[0].cargo[1].class | requirement A82AB01 | class | NAT | no AIR lift type carries NAT
            count-zero.yaml | 1 | 32 | lift[1].count | lift type LMSR | count | 0 | count must be 1 or more
            count-too-many.yaml | 1 | 32 | lift[1].count | lift type LMSR | count | 2000000000 | at most 10000 tails of one type
            country-not-alpha2.yaml | 1 | 16 | nodes[7].country | node DEBRV | country | DEU | not an ISO 3166 alpha-2 country code (two capital letters)
            dup-lift-id.yaml | 1 | 32 | lift[1].id | lift type C-17 | id | C-17 | duplicate lift type id (lift[0] has it first)
            dup-node-id.yaml | 3 | 18 | nodes[9].id | node VILSECK | id | VILSECK | duplicate node id (nodes[8] has it first)
            dup-route-id.yaml | 1 | 36 | routes[1].id | route air-pob-rze | id | air-pob-rze | duplicate route id (routes[0] has it first)
            dup-uln.yaml | 1 | 59 | requirements[1].uln | requirement A82AB01 | uln | A82AB01 | duplicate uln (requirements[0] has it first)
            duplicate-key.yaml | 1 | 47 | requirements[0].pax | requirement A82AB01 | pax | null | field given twice
            ead-after-lad.yaml | 1 | 70 | requirements[1].ead | requirement 3AB01 | ead | 17 | ead is later than lad 16
            empty.yaml | 1 | 1 | "" | scenario | null | null | the file is empty
            factors-unknown.yaml | 1 | 22 | lift[0].factors | lift type C-17 | factors | C-17X | no lift type with this id in the planning factors test-lift-types.yaml
            fraction-for-int.yaml | 1 | 72 | requirements[1].rdd | requirement 3AB01 | rdd | 18.5 | expected a whole number
            horizon-zero.yaml | 1 | 4 | planning.horizonDays | planning | horizonDays | 0 | the horizon must be at least 1 day
            paxweight-nan.yaml | 1 | 5 | planning.paxWeightStons | planning | paxWeightStons | .nan | not a finite number
            paxweight-nan.json | 1 | 6 | planning.paxWeightStons | planning | paxWeightStons | NaN | not a finite number
            horizon-too-long.yaml | 1 | 4 | planning.horizonDays | planning | horizonDays | 100000000 | the horizon may be at most 730 days
            land-with-poe.yaml | 1 | 81 | requirements[2].poe | requirement 2CR01 | poe | KPOB | a LAND line has no poe
            land-without-route.yaml | 1 | 80 | requirements[2].destination | requirement 2CR01 | destination | MK-AA | no ROAD or RAIL route from origin VILSECK to the destination
            lat-out-of-range.yaml | 1 | 12 | nodes[3].lat | node ETAR | lat | 94.4369 | latitude must be within -90..90
            leg-beyond-range.yaml | 1 | 50 | requirements[0].pod | requirement A82AB01 | pod | EPRZ | every AIR route from KPOB to EPRZ has a leg longer than the range of
            legs-count.json | 1 | 169 | routes[1].legsNm | route SEA USNFK->DEBRV | legsNm | [3000.0, 650.0] | gives 2 distances for 1 legs
            lon-out-of-range.json | 1 | 106 | nodes[10].lon | node MK-AA | lon | 208.49 | longitude must be within -180..180
            missing-horizon.yaml | 1 | 4 | planning.horizonDays | planning | horizonDays | null | missing required field
            missing-uln.yaml | 1 | 75 | requirements[2].uln | requirements[2] | uln | null | missing required field
            moves-nothing.yaml | 1 | 78 | requirements[2].pax | requirement 2CR01 | pax | 0 | no pax and no cargo
            negative-day.yaml | 1 | 82 | requirements[2].rld | requirement 2CR01 | rld | -1 | a day number cannot be below 0
            negative-handling.yaml | 1 | 16 | nodes[7].handlingHours | node DEBRV | handlingHours | -24 | a negative amount
            negative-pax.json | 1 | 265 | requirements[2].pax | requirement 2CR01 | pax | -5 | a negative amount
            negative-stons.yaml | 1 | 47 | requirements[0].cargo[0].stons | requirement A82AB01 | stons | -120 | a negative amount
            stons-too-many.yaml | 1 | 47 | requirements[0].cargo[0].stons | requirement A82AB01 | stons | 10000000000 | at most 1,000,000 short tons in one cargo entry
            no-channel-route.yaml | 1 | 50 | requirements[0].pod | requirement A82AB01 | pod | EPRZ | no AIR route from the POE KPOB to the POD
            no-road-origin-poe.yaml | 1 | 48 | requirements[0].poe | requirement A82AB01 | poe | KPOB | no ROAD or RAIL route from origin FTBRAGG to the POE
            no-road-pod-destination.yaml | 1 | 51 | requirements[0].destination | requirement A82AB01 | destination | GRAF | no ROAD or RAIL route from the POD EPRZ to the destination
            no-single-type-carries-all.yaml | 1 | 48 | requirements[0].cargo | requirement A82AB01 | cargo | [OVERSIZE, OUTSIZE, PAX] | no single AIR lift type carries all of the line's classes [OVERSIZE,
            not-utf8-latin1.json | 1 | 13 | "" | file | null | null | byte 0xFC at byte offset 241 is a byte that cannot start a character
            not-utf8.yaml | 1 | 76 | "" | file | null | null | byte 0xFF at byte offset 2924 is a byte that cannot start a character
            pod-not-seaport.yaml | 1 | 66 | requirements[1].pod | requirement 3AB01 | pod | EPRZ | the POD of a line of mode SEA must be of kind SEAPORT, not AIRFIELD
            pod-is-poe.yaml | 1 | 50 | requirements[0].pod | requirement A82AB01 | pod | KPOB | the POD is the POE: a line of mode AIR moves from one port to another
            poe-not-airfield.yaml | 1 | 49 | requirements[0].poe | requirement A82AB01 | poe | FTBRAGG | the POE of a line of mode AIR must be of kind AIRFIELD, not
            priority-zero.yaml | 1 | 73 | requirements[1].priority | requirement 3AB01 | priority | 0 | priority must be 1 or more (1 is most urgent)
            rdd-beyond-horizon.yaml | 1 | 72 | requirements[1].rdd | requirement 3AB01 | rdd | 18 | rdd must be below horizonDays 18
            rld-after-ald.yaml | 1 | 68 | requirements[1].rld | requirement 3AB01 | rld | 4 | rld is later than ald 3
            road-without-hours.yaml | 1 | 40 | routes[5].hours | route ROAD DEBRV->GRAF | hours | null | missing required field
            route-from-equals-to.yaml | 1 | 37 | routes[2].to | route SEA DEBRV->DEBRV | to | DEBRV | a route must go somewhere else
            sea-without-sqft.yaml | 1 | 63 | requirements[1].cargo[0].sqft | requirement 3AB01 | sqft | 0 | a SEA line gives the deck area of its OVERSIZE cargo
            seaport-without-berths.yaml | 1 | 15 | nodes[6].berths | node USNFK | berths | 0 | a SEAPORT needs berths (ships alongside at once) of 1 or more
            second-document.yaml | 1 | 90 | "" | scenario | null | null | more content after the end of the scenario (a second document?)
            speed-zero.yaml | 1 | 33 | lift[1].speedKnots | lift type LMSR | speedKnots | 0 | speed must be above 0 knots
            tab-indent.yaml | 1 | 44 | "" | file | null | null | that cannot start any token
            top-level-list.json | 1 | 1 | "" | scenario | null | null | a scenario is an object with the fields [format, name, planning,
            truncated.json | 1 | 136 | "" | file | null | null | Unexpected end-of-input in field name
            truncated.yaml | 2 | 33 | "" | file | null | null | expected ',' or '}', but got <stream end>
            unclosed-object.json | 1 | 2 | "" | file | null | null | expected close marker for Object (start marker at line 1, column 1)
            unknown-base.yaml | 1 | 25 | lift[0].baseNode | lift type C-17 | baseNode | KCHZ | unknown node id
            unknown-field-lift.yaml | 1 | 28 | lift[0].stonCapacity | lift type C-17 | stonCapacity | null | unknown field
            unknown-field-node.json | 1 | 82 | nodes[7].handlingHour | node DEBRV | handlingHour | null | unknown field
            unknown-field-with-anchor.yaml | 1 | 3 | x-lol | scenario | x-lol | null | unknown field
            unknown-origin.json | 1 | 272 | requirements[2].origin | requirement 2CR01 | origin | VILSEK | unknown node id
            unknown-poe.yaml | 1 | 49 | requirements[0].poe | requirement A82AB01 | poe | KXYZ | unknown node id
            unknown-top-field.yaml | 1 | 3 | notes | scenario | notes | null | unknown field
            unknown-via.yaml | 1 | 35 | routes[0].via[0] | route air-pob-rze | via | ETAX | unknown node id
            via-at-end.yaml | 1 | 35 | routes[0].via[1] | route air-pob-rze | via | EPRZ | is an end of the route itself
            via-repeated.yaml | 1 | 35 | routes[0].via[1] | route air-pob-rze | via | ETAR | repeats the via before it
            wrong-type-carries.yaml | 1 | 26 | lift[0].carries | lift type C-17 | carries | PAX | expected a list, found 'PAX'
            wrong-type-count.json | 1 | 113 | lift[0].count | lift type C-17 | count | ten | expected a whole number
            wrong-type-pax.yaml | 1 | 46 | requirements[0].pax | requirement A82AB01 | pax | many | expected a whole number
            yaml-alias.yaml | 1 | 60 | requirements[1].unit | requirement 3AB01 | unit | *u | a YAML alias, which muster does not expand
            """)
    void refusesWithTheExactFault(
            String file,
            int errors,
            int line,
            String path,
            String where,
            String field,
            String value,
            String message)
            throws Exception {
        ScenarioReader.Result r =
                new ScenarioReader(ScenarioReaderTest.FACTORS)
                        .readFile(ScenarioReaderTest.resource("broken/" + file));
        assertThat(r.accepted()).as("accepted").isFalse();
        assertThat(r.scenario()).isNull();
        assertThat(r.errors()).as("errors of " + file).hasSize(errors);
        Fault f = r.errors().get(0);
        assertThat(f.line()).as("line").isEqualTo(line);
        assertThat(f.path()).as("path").isEqualTo(path);
        assertThat(f.where()).as("where").isEqualTo(where);
        assertThat(f.field()).as("field").isEqualTo(field);
        assertThat(f.value()).as("value").isEqualTo(value);
        assertThat(f.message()).as("message").contains(message);
        String shown = f.describe(file);
        assertThat(shown).startsWith("error: " + file + ":" + line + ": " + where);
        if (field != null) {
            assertThat(shown).contains("field '" + field + "'");
        }
    }

    @ParameterizedTest(name = "rdd {0}")
    @CsvSource({
        "40, raise planning.horizonDays to 41",
        "729, raise planning.horizonDays to 730",
        "730, an rdd below 730: a horizon is at most 730 days",
        "2147483647, an rdd below 730: a horizon is at most 730 days"
    })
    void anRddPastTheHorizonIsHintedAHorizonThatCanBeGiven(String rdd, String hint)
            throws Exception {
        String text = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        assertThat(text).contains("    rdd: 18\n");
        ScenarioReader.Result r =
                new ScenarioReader(ScenarioReaderTest.FACTORS)
                        .readBytes(
                                text.replace("    rdd: 18\n", "    rdd: " + rdd + "\n")
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "x.yaml");
        assertThat(r.errors())
                .extracting(Fault::field, Fault::value, Fault::message, Fault::hint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "rdd", rdd, "rdd must be below horizonDays 30", hint));
    }

    /**
     * Plan times are hours checked within an absolute 1e-6 h. A day, a time or a speed that would
     * put them at hour 1e10 or so, where a double no longer holds that, is refused naming its
     * field: {@code ald: 2000000000} validated, and the fifo plan of the scenario then broke rule
     * 3.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            "    ald: 1"                       | "    ald: 2000000000"                | 53 | requirements[0].ald                | ald              | 2000000000  | a day number may be at most 730, the end of the longest horizon | a day counted from C-day, within the horizon of 30 days
            "    rld: 0\\n    ald: 1"           | "    rld: 731\\n    ald: 731"        | 52 | requirements[0].rld                | rld              | 731         | a day number may be at most 730, the end of the longest horizon | a day counted from C-day, within the horizon of 30 days
            "    ead: 1\\n    lad: 3"           | "    ead: 731\\n    lad: 731"        | 54 | requirements[0].ead                | ead              | 731         | a day number may be at most 730, the end of the longest horizon | a day counted from C-day, within the horizon of 30 days
            "    lad: 3"                       | "    lad: 2147483647"                | 55 | requirements[0].lad                | lad              | 2147483647  | a day number may be at most 730, the end of the longest horizon | a day counted from C-day, within the horizon of 30 days
            "    availableFromDay: 0"          | "    availableFromDay: 700000000"    | 24 | lift[0].availableFromDay           | availableFromDay | 700000000   | a day number may be at most 730, the end of the longest horizon | a day counted from C-day, within the horizon of 30 days
            "mog: 4, handlingHours: 4}"        | "mog: 4, handlingHours: 17521}"     | 10 | nodes[1].handlingHours             | handlingHours    | 17521       | may be at most 17,520 hours (730 days, the longest horizon)    | the time in hours, not minutes or seconds
            "enroute: 2.25}"                   | "enroute: 48000000000}"             | 31 | lift[0].groundHours.enroute        | enroute          | 48000000000 | may be at most 17,520 hours (730 days, the longest horizon)    | the time in hours, not minutes or seconds
            "to: KPOB, hours: 1}"              | "to: KPOB, hours: 17520.5}"         | 37 | routes[2].hours                    | hours            | 17520.5     | travel time may be at most 17,520 hours (730 days, the longest horizon)    | the time in hours, not minutes or seconds
            "speedKnots: 410"                  | "speedKnots: 0.00000001"            | 29 | lift[0].speedKnots                 | speedKnots       | 1.0E-8      | speed must be at least 1 knot                                   | a speed in knots: a C-17 flies at about 410, a ship sails at 15 to 25
            "legsNm: [3650]"                   | "legsNm: [21601]"                   | 36 | routes[1].legsNm[0]                | legsNm           | 21601       | a leg may be at most 21,600 nm, once round the earth            | the distance in nautical miles
            """)
    void aNumberThatPutsPlanTimesPastCheckingIsRefused(
            String from,
            String to,
            int line,
            String path,
            String field,
            String value,
            String message,
            String hint)
            throws Exception {
        String text = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        String was = from.replace("\\n", "\n");
        assertThat(text).contains(was);
        ScenarioReader.Result r =
                new ScenarioReader(ScenarioReaderTest.FACTORS)
                        .readBytes(
                                text.replaceFirst(
                                                java.util.regex.Pattern.quote(was),
                                                to.replace("\\n", "\n"))
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "x.yaml");
        assertThat(r.accepted()).as("accepted").isFalse();
        assertThat(r.errors())
                .filteredOn(f -> f.path().equals(path))
                .extracting(Fault::line, Fault::field, Fault::value, Fault::message, Fault::hint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(line, field, value, message, hint));
    }

    /**
     * At every one of those limits at once a scenario is accepted, and the plans of the fifo and
     * the default planner keep every movement rule, their times checked within 1e-6 h.
     */
    @Test
    void aScenarioAtTheLimitsIsAcceptedAndItsPlansPassTheirCheck() throws Exception {
        String text = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        String[][] edits = {
            {"horizonDays: 30", "horizonDays: 730"},
            {
                "    rld: 0\n    ald: 1\n    ead: 1\n    lad: 3",
                "    rld: 730\n    ald: 730\n    ead: 730\n    lad: 730"
            },
            {"    availableFromDay: 0", "    availableFromDay: 730"},
            {"mog: 4, handlingHours: 4}", "mog: 4, handlingHours: 17520}"},
            {
                "{onload: 2.25, offload: 2.25, enroute: 2.25}",
                "{onload: 17520, offload: 17520, enroute: 17520}"
            },
            {"to: KPOB, hours: 1}", "to: KPOB, hours: 17520}"},
            {"speedKnots: 410", "speedKnots: 1"},
            {"legsNm: [3650]", "legsNm: [21600]"},
            {
                "stonsCapacity: 30000, sqftCapacity: 300000, speedKnots: 24",
                "stonsCapacity: 30000, sqftCapacity: 300000, speedKnots: 1"
            }
        };
        for (String[] e : edits) {
            assertThat(text).as(e[0]).contains(e[0]);
            text = text.replace(e[0], e[1]);
        }
        ScenarioReader.Result r =
                new ScenarioReader(ScenarioReaderTest.FACTORS)
                        .readBytes(
                                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.yaml");
        assertThat(r.errors()).extracting(f -> f.describe("x.yaml")).isEmpty();
        muster.model.Scenario s = r.scenario();
        muster.engine.plan.PlanOptions o = new muster.engine.plan.PlanOptions(1, 50);
        for (String planner : new String[] {"fifo", "lns"}) {
            muster.model.Plan p =
                    muster.engine.plan.Planners.byName(planner)
                            .plan(s, o, muster.engine.plan.Progress.NONE);
            assertThat(p.missions()).as(planner + " missions").isNotEmpty();
            assertThat(muster.engine.check.PlanChecker.check(s, p).violations())
                    .as(planner)
                    .extracting(muster.engine.check.Violation::describe)
                    .isEmpty();
        }
    }

    @Test
    void everyBrokenFileIsInTheTable() throws Exception {
        String table = Files.readString(Path.of("src/test/java/muster/io/BrokenScenarioTest.java"));
        try (Stream<Path> files = Files.list(ScenarioReaderTest.resource("broken"))) {
            var names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(40);
            for (String n : names) {
                assertThat(table).as("table row for " + n).contains("            " + n + " |");
            }
        }
    }
}
