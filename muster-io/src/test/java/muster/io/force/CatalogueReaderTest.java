package muster.io.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import muster.model.CargoClass;
import muster.model.force.Catalogue;
import muster.model.force.DeployMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogueReaderTest {
    @TempDir Path dir;

    static final String GOOD =
            """
            format: muster/catalogue@1
            name: test
            stations:
              - {id: VILSECK, name: Rose Barracks, kind: INSTALLATION, country: DE, lat: 49.63, lon: 11.8,
                 links: [{to: DEST, mode: ROAD, hours: 16}]}
            units:
              - uic: U1
                name: First brigade
                nation: US
                capability: AIRBORNE_IBCT
                echelon: BRIGADE
                homeStation: HOME1
                airPoe: APOE
                personnel: 3300
                equipment: [{class: BULK, stons: 400}, {class: OVERSIZE, stons: 900}]
                readiness: 1
                noticeToMoveHours: 18
                availability: [{from: 2022-01-01, to: 2022-12-31}]
                deployMode: AIR
                source: test data
            """;

    /** Writes the text to the file of that name in the test's folder. */
    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Reads the file as a catalogue, checks that it is refused and gives its faults as printed. */
    private static List<String> refusal(Path f) throws IOException {
        ForceRead<Catalogue> r = CatalogueReader.read(f);
        assertThat(r.refused()).isTrue();
        return r.faults().stream().map(x -> x.describe(f.toString())).toList();
    }

    @Test
    void readsAValidYamlCatalogue() throws Exception {
        Path f = write("c.yaml", GOOD);
        ForceRead<Catalogue> r = CatalogueReader.read(f);
        assertThat(r.faults()).isEmpty();
        Catalogue c = r.value();
        assertThat(c.units()).hasSize(1);
        assertThat(c.units().get(0).deployMode()).isEqualTo(DeployMode.AIR);
        assertThat(c.units().get(0).equipment())
                .extracting(e -> e.cargoClass())
                .containsExactly(CargoClass.BULK, CargoClass.OVERSIZE);
        assertThat(c.stations().get(0).links().get(0).hours()).isEqualTo(16);
    }

    @Test
    void faultsNameFileLineFieldAndValueWithAHint() throws Exception {
        Path f =
                write(
                        "bad.yaml",
                        GOOD.replace("personnel: 3300", "personel: 3300")
                                .replace("readiness: 1", "readiness: 7")
                                .replace("capability: AIRBORNE_IBCT", "capability: AIRBORNE_IBTC"));
        assertThat(refusal(f))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("bad.yaml:14: unit U1")
                                        .contains("personel")
                                        .contains("Maybe 'personnel'"))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("bad.yaml:16")
                                        .contains("readiness")
                                        .contains("7"))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("bad.yaml:10")
                                        .contains("AIRBORNE_IBTC")
                                        .contains("Maybe 'AIRBORNE_IBCT'"));
    }

    @Test
    void refusesNatEquipmentByAir() throws Exception {
        Path f = write("nat.yaml", GOOD.replace("class: BULK", "class: NAT"));
        assertThat(refusal(f)).anySatisfy(s -> assertThat(s).contains("NAT equipment"));
    }

    @Test
    void malformedYamlIsAFaultNotAStackTrace() throws Exception {
        Path f = write("m.yaml", "format: muster/catalogue@1\nunits: [\n  {uic: x\n");
        assertThat(refusal(f).get(0)).contains("m.yaml").contains("not well-formed");
    }

    @Test
    void aKeyGivenTwiceOrASecondDocumentIsRefusedByLineNotTakenSilently() throws Exception {
        Path twice =
                write(
                        "twice.yaml",
                        GOOD.replace("readiness: 1\n", "readiness: 1\n    readiness: 4\n"));
        assertThat(refusal(twice).get(0))
                .contains("twice.yaml:17")
                .contains("field 'units[0].readiness' given twice");
        Path second = write("second.yaml", GOOD + "---\nname: another\n");
        assertThat(refusal(second).get(0)).contains("more content after the end of the document");
    }

    @Test
    void aFileNotInUtf8IsRefusedByByteAndLine() throws Exception {
        Path f = dir.resolve("latin1.yaml");
        Files.write(
                f,
                "format: muster/catalogue@1\nname: caf\u00e9\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(refusal(f).get(0))
                .contains("latin1.yaml:2")
                .contains("not valid UTF-8")
                .doesNotContain("java.io");
    }

    @Test
    void aCsvHeaderIsCheckedWithoutRowsAndACatalogueWithoutUnitsIsRefused() throws Exception {
        Path headerOnly = write("header.csv", "foo,bar\n");
        assertThat(refusal(headerOnly))
                .anySatisfy(d -> assertThat(d).contains("field 'foo': unknown column"));
        Path none = write("none.yaml", "format: muster/catalogue@1\nname: none\nunits: []\n");
        ForceRead<Catalogue> n = CatalogueReader.read(none);
        assertThat(n.refused()).isTrue();
        assertThat(n.faults().get(0).message()).contains("at least one unit");
    }

    @Test
    void readsCsvAndNamesTheRowOfABadValue() throws Exception {
        Path f = dir.resolve("c.csv");
        String header = String.join(",", CatalogueReader.CSV_COLUMNS);
        Files.writeString(
                f,
                header
                        + "\n"
                        + "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,96,2022-01-01,2022-12-31,AIR,,,test\n"
                        + "U2,Second,US,ABCT,BRIGADE,HOME2,APOE,SPOE,4700,2000,40000,,,9000,150000,,,2,168,,,AIR_SEA,,,test\n");
        ForceRead<Catalogue> r = CatalogueReader.read(f);
        assertThat(r.faults()).isEmpty();
        assertThat(r.value().units()).hasSize(2);
        assertThat(r.value().units().get(1).equipment()).hasSize(2);
        assertThat(r.value().units().get(0).availability()).hasSize(1);

        Files.writeString(
                f,
                header
                        + "\n"
                        + "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,96,2022-01-01,2022-12-31,AIR,,,test\n"
                        + "U2,Second,US,ABCT,BRIGADE,HOME2,APOE,SPOE,-5,2000,40000,,,9000,150000,,,2,168,,,AIR_SEA,,,test\n");
        assertThat(refusal(f))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("c.csv:3: unit U2")
                                        .contains("personnel")
                                        .contains("-5"));
    }

    @Test
    void amountsBeyondAnyUnitAndYamlsNanAreFaultsOfTheirField() throws Exception {
        Path big =
                write(
                        "big.yaml",
                        GOOD.replace("{class: BULK, stons: 400}", "{class: BULK, stons: 1e12}")
                                .replace("personnel: 3300", "personnel: 2000000"));
        assertThat(refusal(big))
                .anySatisfy(
                        d ->
                                assertThat(d)
                                        .contains("big.yaml:14: unit U1")
                                        .contains(
                                                "field 'personnel' = '2000000': must be at most"
                                                        + " 1,000,000"))
                .anySatisfy(
                        d ->
                                assertThat(d)
                                        .contains("big.yaml:15: unit U1")
                                        .contains("field 'stons'")
                                        .contains("must be at most 1,000,000"));
        Path nan =
                write("nan.yaml", GOOD.replace("noticeToMoveHours: 18", "noticeToMoveHours: .nan"));
        assertThat(refusal(nan))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d)
                                        .contains("nan.yaml:17: unit U1")
                                        .contains("field 'noticeToMoveHours' = '.nan'")
                                        .doesNotContain("Malformed"));
    }

    @Test
    void aYamlAliasIsRefusedNotReadAsItsAnchorsName() throws Exception {
        Path f =
                write(
                        "alias.yaml",
                        GOOD.replace("name: First brigade", "name: &n First brigade")
                                .replace("source: test data", "source: *n"));
        assertThat(refusal(f).get(0))
                .contains("alias.yaml:20")
                .contains("field 'units[0].source' = '*n': a YAML alias");
    }

    @Test
    void aWholeNumberYamlReadsAsOctalIsRefusedNotTakenAsAnotherNumber() throws Exception {
        // 03300 people would be read as 1728
        Path f = write("octal.yaml", GOOD.replace("personnel: 3300", "personnel: 03300"));
        assertThat(refusal(f).get(0))
                .contains("octal.yaml:14")
                .contains(
                        "field 'units[0].personnel' = '03300': a whole number with a leading 0,"
                                + " which YAML reads as the octal number 1728, not 3300");
    }

    /**
     * A leading 0 that changes nothing is read, as a scenario reads it: {@code 03}, which YAML
     * reads as 3 either way, and {@code 09} and {@code 0980}, which YAML reads as text, being no
     * octal numbers, and whose digits say one number; a number with them is read so (stons 0900).
     */
    @Test
    void aLeadingZeroThatChangesNothingIsRead() throws Exception {
        Path f =
                write(
                        "zeros.yaml",
                        GOOD.replace("personnel: 3300", "personnel: 0980")
                                .replace("readiness: 1", "readiness: 03")
                                .replace("noticeToMoveHours: 18", "noticeToMoveHours: 09")
                                .replace("stons: 900}", "stons: 0900}")
                                .replace("hours: 16}", "hours: 019}"));
        ForceRead<Catalogue> r = CatalogueReader.read(f);
        assertThat(r.faults()).isEmpty();
        assertThat(r.value().units().get(0).personnel()).isEqualTo(980);
        assertThat(r.value().units().get(0).readiness()).isEqualTo(3);
        assertThat(r.value().units().get(0).noticeToMoveHours()).isEqualTo(9);
        assertThat(r.value().units().get(0).equipment().get(1).stons()).isEqualTo(900.0);
        assertThat(r.value().stations().get(0).links().get(0).hours()).isEqualTo(19);
    }

    /**
     * Lists nested deeper than the parser reads (1,000) are refused at the line and column of the
     * bracket that went too deep, in YAML and in JSON, as in a scenario: the refusal named no line.
     */
    @Test
    void listsNestedTooDeepAreRefusedAtTheirLineAndColumn() throws Exception {
        Path yaml =
                write(
                        "deep.yaml",
                        "format: muster/catalogue@1\nname: deep\nunits: "
                                + "[".repeat(1500)
                                + "]".repeat(1500)
                                + "\n");
        assertThat(refusal(yaml))
                .containsExactly(
                        "error: "
                                + yaml
                                + ":3: document: not well-formed: Document nesting depth (1001)"
                                + " exceeds the maximum allowed (1000) at column 1007 (line 3)");
        Path json =
                write(
                        "deep.json",
                        "{\n\"units\":\n" + "[\n".repeat(1500) + "]\n".repeat(1500) + "}\n");
        assertThat(refusal(json))
                .singleElement()
                .asString()
                .startsWith("error: " + json + ":1002: ")
                .endsWith("at column 1 (line 1002)");
    }

    @Test
    void aControlCharacterIsNamedByItsCodeAndLine() throws Exception {
        Path f = write("nul.yaml", GOOD.replace("name: First brigade", "name: First\u0000brigade"));
        assertThat(refusal(f).get(0))
                .contains("nul.yaml:8")
                .contains("the character U+0000, which a YAML file may not hold, at column 16");
    }

    @Test
    void aCsvRowWithMoreCellsThanTheHeaderIsNamedInMustersWords() throws Exception {
        Path f = dir.resolve("wide.csv");
        String header = String.join(",", CatalogueReader.CSV_COLUMNS);
        Files.writeString(
                f,
                header
                        + "\n"
                        + "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,96,2022-01-01,2022-12-31,AIR,,,test,extra\n");
        assertThat(refusal(f).get(0))
                .contains("wide.csv:2")
                .contains(
                        "the row has more cells than the header's "
                                + CatalogueReader.CSV_COLUMNS.size()
                                + " columns (cell "
                                + (CatalogueReader.CSV_COLUMNS.size() + 1)
                                + " holds 'extra')")
                .doesNotContain("Too many entries");
    }

    @Test
    void wholeNumbersPastAnIntAreRefusedByPlaceNotWrappedOrThrown() throws Exception {
        // past a long, YAML's 2^64 + 24 was read as 24; in text it threw without a place
        for (String v :
                new String[] {"18446744073709551640", "\"99999999999999999999\"", "3000000000"}) {
            Path f =
                    write(
                            "big-ntm.yaml",
                            GOOD.replace("noticeToMoveHours: 18", "noticeToMoveHours: " + v));
            ForceRead<Catalogue> r = CatalogueReader.read(f);
            assertThat(r.refused()).as(v).isTrue();
            assertThat(r.faults())
                    .extracting(x -> x.describe(f.toString()))
                    .singleElement()
                    .satisfies(
                            d ->
                                    assertThat(d)
                                            .contains("big-ntm.yaml:17: unit U1")
                                            .contains(
                                                    "field 'noticeToMoveHours' = '"
                                                            + v.replace("\"", "")
                                                            + "': number too large")
                                            .doesNotContain("at least"));
        }
        Path csv =
                write(
                        "big.csv",
                        String.join(",", CatalogueReader.CSV_COLUMNS)
                                + "\n"
                                + "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,99999999999999999999,,,AIR,,,test\n");
        assertThat(refusal(csv).get(0))
                .contains("big.csv:2: unit U1")
                .contains("field 'noticeToMoveHours' = '99999999999999999999': number too large");
    }

    /**
     * A number cell is decimal digits with an optional point and exponent, as a spreadsheet writes
     * it: '12f', '12d' and '0x1p3', which Java reads as 12, 12 and 8, are refused naming the row,
     * the column and the value, as import-lines refuses them.
     */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "bulkStons, 12f",
        "bulkStons, 12d",
        "bulkStons, 0x1p3",
        "bulkSqft, 0x1p3",
        "oversizeStons, 9e2f",
        "selfDeployHours, 12D",
        "selfDeployHours, NaN"
    })
    void aNumberCellJavaReadsButASpreadsheetDoesNotIsRefusedByRowAndColumn(
            String column, String cell) throws Exception {
        Path f = dir.resolve("cells.csv");
        String header = String.join(",", CatalogueReader.CSV_COLUMNS);
        String[] cells =
                "U1,First,US,IBCT,BRIGADE,HOME1,APOE,SPOE,4400,600,15000,900,8000,,,,,1,96,,,SELF,40,,test"
                        .split(",", -1);
        cells[CatalogueReader.CSV_COLUMNS.indexOf(column)] = cell;
        Files.writeString(
                f,
                header
                        + "\n"
                        + "U0,Zeroth,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,96,,,AIR,,,test\n"
                        + String.join(",", cells)
                        + "\n");
        ForceRead<Catalogue> r = CatalogueReader.read(f);
        assertThat(r.refused()).isTrue();
        // named once: a refused selfDeployHours is not also warned of as a SELF unit with none
        assertThat(r.faults())
                .extracting(x -> x.describe(f.toString()))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d)
                                        .contains("cells.csv:3: unit U1")
                                        .contains("field '" + column + "' = '" + cell + "'")
                                        .contains("must be a number"));
    }

    /**
     * A station's handling and link hours become a node's and a route's of the sourced scenario,
     * which refuses more than 17,520 h: they are refused at the catalogue's line, where the link
     * was named only as a route of the sourced scenario, with no line.
     */
    @ParameterizedTest
    @CsvSource({
        "'links: [{to: DEST, mode: ROAD, hours: 16}]', 'links: [{to: DEST, mode: ROAD, hours: 48000000000}]', hours, 48000000000",
        "'lon: 11.8,', 'lon: 11.8, handlingHours: 17521,', handlingHours, 17521"
    })
    void aStationTimePastWhatAScenarioTakesIsRefusedAtItsLine(
            String was, String now, String field, String value) throws Exception {
        Path y = dir.resolve("hours.yaml");
        assertThat(GOOD).contains(was);
        Files.writeString(y, GOOD.replace(was, now));
        assertThat(refusal(y))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d)
                                        .contains("hours.yaml:" + (field.equals("hours") ? 5 : 4))
                                        .contains("station VILSECK")
                                        .contains("field '" + field + "' = '" + value + "'")
                                        .contains("must be at most 17,520"));
        Files.writeString(y, GOOD.replace(was, now.replace(value, "17520")));
        assertThat(CatalogueReader.read(y).faults()).isEmpty();
    }

    @Test
    void decimalCellsWithAPointSignOrExponentAreReadAsBefore() throws Exception {
        Path f =
                write(
                        "decimals.csv",
                        String.join(",", CatalogueReader.CSV_COLUMNS)
                                + "\n"
                                + "U1,First,US,IBCT,BRIGADE,HOME1,APOE,SPOE,4400,1.5e2,+15000,.5,8000.,,,,,1,96,,,SELF,40.25,,test\n");
        ForceRead<Catalogue> r = CatalogueReader.read(f);
        assertThat(r.faults()).extracting(x -> x.describe(f.toString())).isEmpty();
        var u = r.value().units().get(0);
        assertThat(u.equipment())
                .extracting(e -> e.cargoClass(), e -> e.stons(), e -> e.sqft())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CargoClass.BULK, 150.0, 15000.0),
                        org.assertj.core.groups.Tuple.tuple(CargoClass.OVERSIZE, 0.5, 8000.0));
        assertThat(u.selfDeployHours()).isEqualTo(40.25);
    }

    /**
     * A spreadsheet set for a decimal comma saves "CSV" with semicolons between the cells: the
     * catalogue is refused once, naming the separator, as import-lines refuses such a file, not
     * with every field of every unit missing under the name "unit null".
     */
    @Test
    void aCsvWithSemicolonsOrTabsBetweenItsCellsIsRefusedNamingTheSeparator() throws Exception {
        String row = "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,96,,,AIR,,,test";
        String header = String.join(",", CatalogueReader.CSV_COLUMNS);
        for (String sep : List.of(";", "\t")) {
            Path f =
                    write(
                            "sep.csv",
                            "\uFEFF"
                                    + header.replace(",", sep)
                                    + "\r\n"
                                    + row.replace(",", sep)
                                    + "\r\n");
            assertThat(refusal(f))
                    .containsExactly(
                            "error: "
                                    + f
                                    + ":1: header (columns): the cells are separated by "
                                    + (sep.equals(";") ? "semicolons" : "tabs")
                                    + ", not by commas"
                                    + System.lineSeparator()
                                    + "  Maybe save the CSV with commas between the cells");
        }
    }

    /** A unit or station without its id is named by its place, never as "unit null". */
    @Test
    void aUnitOrStationWithoutItsIdIsNamedByItsPlaceNotAsNull() throws Exception {
        Path f =
                write(
                        "noid.yaml",
                        GOOD.replace("  - {id: VILSECK, ", "  - {")
                                .replace("  - uic: U1\n", "  - readiness: 7\n")
                                .replace("    readiness: 1\n", "")
                                .replace("lat: 49.63", "lat: 95"));
        assertThat(refusal(f))
                .contains(
                        "error: " + f + ":7: unit (units[0]): field 'uic': is missing",
                        "error: "
                                + f
                                + ":7: unit (units[0]): field 'readiness' = '7': must be 1 (fully"
                                + " ready) to 4",
                        "error: " + f + ":4: station (stations[0]): field 'id': is missing")
                .anySatisfy(d -> assertThat(d).contains("station (stations[0]): field 'lat'"))
                .allSatisfy(d -> assertThat(d).doesNotContain("null"));
    }

    @Test
    void aCsvFromExcelWithAByteOrderMarkIsReadAndAShortRowIsRefusedByLine() throws Exception {
        Path f = dir.resolve("excel.csv");
        String header = String.join(",", CatalogueReader.CSV_COLUMNS);
        String row =
                "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,96,2022-01-01,2022-12-31,AIR,,,test";
        Files.writeString(f, "\uFEFF" + header + "\r\n" + row + "\r\n");
        ForceRead<Catalogue> r = CatalogueReader.read(f);
        assertThat(r.faults()).extracting(x -> x.describe(f.toString())).isEmpty();
        assertThat(r.value().units().get(0).uic()).isEqualTo("U1");

        // the last cell (source) left out: refused by its line, not read as blank
        Files.writeString(
                f,
                header + "\n" + row + "\n" + row.replace("U1,", "U2,").replace(",test", "") + "\n");
        assertThat(refusal(f))
                .anySatisfy(
                        d ->
                                assertThat(d)
                                        .contains("excel.csv:3: row 3 (uic U2)")
                                        .contains(
                                                "has "
                                                        + (CatalogueReader.CSV_COLUMNS.size() - 1)
                                                        + " cells, expected "
                                                        + CatalogueReader.CSV_COLUMNS.size()));
    }

    @Test
    void aUnitWithNoPeopleAndNoEquipmentIsRefusedNotSourcedForNothing() throws Exception {
        Path f =
                write(
                        "empty.csv",
                        String.join(",", CatalogueReader.CSV_COLUMNS)
                                + "\n"
                                + "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,4400,600,,900,,,,,,1,96,,,AIR,,,test\n"
                                + "U2,Second,US,IBCT,BRIGADE,HOME1,APOE,,0,,,,,,,,,1,96,,,AIR,,,test\n");
        assertThat(refusal(f))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d)
                                        .contains("empty.csv:3: unit U2")
                                        .contains("field 'personnel' = '0'")
                                        .contains("moves nothing"));
        Path y =
                write(
                        "empty.yaml",
                        GOOD.replace("personnel: 3300", "personnel: 0")
                                .replace(
                                        "[{class: BULK, stons: 400}, {class: OVERSIZE, stons: 900}]",
                                        "[{class: BULK, stons: 0}]"));
        assertThat(CatalogueReader.read(y).faults())
                .extracting(x -> x.describe(y.toString()))
                .anySatisfy(d -> assertThat(d).contains("empty.yaml:14").contains("moves nothing"));
    }

    @Test
    void aRefusedPersonnelFigureIsNamedOnceNotAlsoAsAUnitOfNoPeople() throws Exception {
        Path f =
                write(
                        "negative.csv",
                        String.join(",", CatalogueReader.CSV_COLUMNS)
                                + "\n"
                                + "U1,First,US,IBCT,BRIGADE,HOME1,APOE,,-5,,,,,,,,,1,96,,,AIR,,,test\n");
        assertThat(refusal(f))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d)
                                        .contains("negative.csv:2: unit U1")
                                        .contains("field 'personnel' = '-5'")
                                        .contains("must be at least 0"));
    }

    @Test
    void aDeckAreaWithNoWeightIsRefusedByLineNotLeftToTheSourcedScenario() throws Exception {
        Path y =
                write(
                        "area.yaml",
                        GOOD.replace(
                                "[{class: BULK, stons: 400}, {class: OVERSIZE, stons: 900}]",
                                "[{class: BULK, stons: 400}, {class: OVERSIZE, stons: 0, sqft: 3400.0}]"));
        assertThat(CatalogueReader.read(y).faults())
                .extracting(x -> x.describe(y.toString()))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d)
                                        .contains("area.yaml:15: unit U1")
                                        .contains("field 'stons' = '0'")
                                        .contains("OVERSIZE equipment has a deck area (3400 sq ft)")
                                        .contains("no weight"));
        // in a CSV, a deck area whose weight cell is blank is named, not dropped
        Path c =
                write(
                        "area.csv",
                        String.join(",", CatalogueReader.CSV_COLUMNS)
                                + "\n"
                                + "U1,First,US,IBCT,BRIGADE,HOME1,APOE,SPOE,4400,600,15000,,900,,,,,1,96,,,AIR_SEA,,,test\n");
        assertThat(refusal(c))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d)
                                        .contains("area.csv:2: unit U1")
                                        .contains("field 'oversizeStons'")
                                        .contains(
                                                "OVERSIZE equipment has a deck area (900 sq ft)"));
    }

    @Test
    void aStationWithACountryNoNodeHasOrAnIdGivenTwiceIsRefusedByItsLine() throws Exception {
        Path y =
                write(
                        "stations.yaml",
                        GOOD.replace(
                                "links: [{to: DEST, mode: ROAD, hours: 16}]}",
                                "links: [{to: DEST, mode: ROAD, hours: 16}]}\n"
                                        + "  - {id: NEWAF, kind: AIRFIELD, country: USA, lat: 35, lon: -79}\n"
                                        + "  - {id: NEWPORT, kind: SEAPORT, country: US, lat: 35, lon: -77,"
                                        + " berths: 0}\n"
                                        + "  - {id: VILSECK, kind: INSTALLATION, country: DE, lat: 49, lon: 11}"));
        assertThat(refusal(y))
                .satisfiesExactlyInAnyOrder(
                        d ->
                                assertThat(d)
                                        .contains("stations.yaml:6: station NEWAF")
                                        .contains("field 'country' = 'USA'"),
                        d ->
                                assertThat(d)
                                        .contains("stations.yaml:8: station VILSECK")
                                        .contains(
                                                "duplicate station id (stations[0] has it first)"));
    }

    /**
     * A station's lat or lon that is not a number (text in quotes, a yes/no, a list) is refused
     * naming the station, the field and the value, as a scenario's node refuses it, where text such
     * as "49.63" was read as the number and true as 1.
     */
    @Test
    void aStationCoordinateThatIsNotANumberIsRefusedByFieldAndValue() throws Exception {
        String[][] cases = {
            {
                "lat",
                "'49.63'",
                "field 'lat' = '49.63': must be a number (a latitude in -90..90), not" + " text",
                "lat: 49.63, without quotes"
            },
            {
                "lon",
                "\" 11.8\"",
                "field 'lon' = ' 11.8': must be a number (a longitude in" + " -180..180), not text",
                "lon: 11.8, without quotes"
            },
            {
                "lat",
                "'49,63'",
                "field 'lat' = '49,63': must be a number (a latitude in -90..90), not" + " text",
                null
            },
            {"lat", "true", "field 'lat' = 'true': must be a number (a latitude in -90..90)", null},
            {
                "lon",
                "[11.8]",
                "field 'lon' = '[11.8]': must be a number (a longitude in -180..180)",
                null
            },
            {"lat", "91", "field 'lat' = '91': must be a latitude in -90..90", null}
        };
        Path y = dir.resolve("stations.yaml");
        for (String[] c : cases) {
            String good = c[0].equals("lat") ? "lat: 49.63" : "lon: 11.8";
            Files.writeString(y, GOOD.replace(good, c[0] + ": " + c[1]));
            ForceRead<Catalogue> r = CatalogueReader.read(y);
            assertThat(r.refused()).as(c[1]).isTrue();
            String said =
                    "error: "
                            + y
                            + ":4: station VILSECK (stations[0]): "
                            + c[2]
                            + (c[3] == null ? "" : System.lineSeparator() + "  Maybe " + c[3]);
            assertThat(r.faults())
                    .extracting(x -> x.describe(y.toString()))
                    .as(c[1])
                    .containsExactly(said);
        }
    }

    @Test
    void aUnitIdGivenTwiceIsRefusedAtTheSecondNamingTheFirst() throws Exception {
        Path y = dir.resolve("units.yaml");
        String unit = GOOD.substring(GOOD.indexOf("  - uic: U1"));
        Files.writeString(y, GOOD + unit.replace("First brigade", "First brigade again"));
        assertThat(refusal(y))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d)
                                        .contains("units.yaml:21: unit U1")
                                        .contains("field 'uic' = 'U1'")
                                        .contains("duplicate unit id (units[0] has it first)"));
    }

    @Test
    void aListGivenAsOneValueOrOneMappingIsRefusedNotReadAsEmpty() throws Exception {
        Path y =
                write(
                        "types.yaml",
                        GOOD.replace(
                                        "[{class: BULK, stons: 400}, {class: OVERSIZE, stons: 900}]",
                                        "1300")
                                .replace(
                                        "[{from: 2022-01-01, to: 2022-12-31}]",
                                        "{from: 2022-01-01, to: 2022-12-31}")
                                .replace(
                                        "links: [{to: DEST, mode: ROAD, hours: 16}]",
                                        "links: DEST"));
        // read as empty, the unit would be sourced without its equipment and as always available
        assertThat(refusal(y))
                .satisfiesExactlyInAnyOrder(
                        d ->
                                assertThat(d)
                                        .contains("types.yaml:5: station VILSECK")
                                        .contains("field 'links' = 'DEST': must be a list"),
                        d ->
                                assertThat(d)
                                        .contains("types.yaml:15: unit U1")
                                        .contains("field 'equipment' = '1300': must be a list"),
                        d ->
                                assertThat(d)
                                        .contains("types.yaml:18: unit U1")
                                        .contains("field 'availability': must be a list")
                                        .contains("put it in [ ]"));
    }

    @Test
    void aListEntryThatIsNotAMappingIsNamedOnceWithItsValue() throws Exception {
        Path y =
                write(
                        "entries.yaml",
                        GOOD.replace(
                                        "[{class: BULK, stons: 400}, {class: OVERSIZE, stons: 900}]",
                                        "[5]")
                                .replace("[{from: 2022-01-01, to: 2022-12-31}]", "[2022-01-01]")
                                .replace(
                                        "links: [{to: DEST, mode: ROAD, hours: 16}]",
                                        "links: [DEST]")
                                .replace("units:\n", "  - LILLE\nunits:\n"));
        // each wrong entry is one fault with its value, not a mapping with every field missing
        assertThat(refusal(y))
                .satisfiesExactlyInAnyOrder(
                        d ->
                                assertThat(d)
                                        .contains("station VILSECK (stations[0].links[0])")
                                        .contains("is 'DEST', not a mapping of to, mode, hours"),
                        d ->
                                assertThat(d)
                                        .contains("station (stations[1])")
                                        .contains("is 'LILLE', not a mapping of id, name"),
                        d ->
                                assertThat(d)
                                        .contains("unit U1 (units[0].equipment[0])")
                                        .contains("is '5', not a mapping of class, stons, sqft"),
                        d ->
                                assertThat(d)
                                        .contains("unit U1 (units[0].availability[0])")
                                        .contains("is '2022-01-01', not a mapping of from, to"));
    }

    @Test
    void readsTheSameCatalogueFromJson() throws Exception {
        Path y = write("c.yaml", GOOD);
        Catalogue fromYaml = CatalogueReader.read(y).value();
        com.fasterxml.jackson.databind.JsonNode tree =
                new com.fasterxml.jackson.databind.ObjectMapper(
                                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(GOOD);
        Path j =
                write(
                        "c.json",
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree));
        ForceRead<Catalogue> r = CatalogueReader.read(j);
        assertThat(r.faults()).isEmpty();
        assertThat(r.value()).isEqualTo(fromYaml);
    }
}
