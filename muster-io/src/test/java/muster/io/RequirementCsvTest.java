package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import muster.model.CargoClass;
import muster.model.Fault;
import muster.model.RequirementLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells of a requirement-lines CSV as a spreadsheet writes them, read or refused by name. */
class RequirementCsvTest {
    private static final String HEADER = String.join(",", RequirementCsv.COLUMNS) + "\r\n";

    /** One AIR line with its BULK_STONS cell given. */
    private static String row(String bulkStons) {
        return "U1,1st bde,US,10,"
                + bulkStons
                + ",,,,0,,,,FTBRAGG,KPOB,EPRZ,AA-RZE,1,2,3,4,5,1,AIR\r\n";
    }

    private static RequirementCsv.Result read(String csv) throws Exception {
        return RequirementCsv.read(csv.getBytes(StandardCharsets.UTF_8), "lines.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12f", "12d", "12F", "0x1p3", "0x10", "1_000"})
    void aNumberJavaWouldReadButASpreadsheetDoesNotWriteIsRefusedByItsCell(String cell)
            throws Exception {
        RequirementCsv.Result r = read(HEADER + row(cell));
        assertThat(r.accepted()).as(cell).isFalse();
        assertThat(r.faults())
                .extracting(Fault::line, Fault::field, Fault::value, Fault::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2, "BULK_STONS", cell, "expected a number"));
    }

    @ParameterizedTest
    @CsvSource({"12, 12", "12.5, 12.5", ".5, 0.5", "7., 7", "1.5E+3, 1500", "2e-1, 0.2"})
    void aDecimalNumberIsRead(String cell, double stons) throws Exception {
        RequirementCsv.Result r = read(HEADER + row(cell));
        assertThat(r.faults()).as(cell).isEmpty();
        assertThat(r.lines()).hasSize(1);
        assertThat(r.lines().get(0).cargoOf(CargoClass.BULK).orElseThrow().stons())
                .isEqualTo(stons);
        assertThat(List.of(r.rowLines().get(0))).containsExactly(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "-2E+400"})
    void aDecimalNumberPastWhatADoubleHoldsIsRefusedAsNotFinite(String cell) throws Exception {
        RequirementCsv.Result r = read(HEADER + row(cell));
        assertThat(r.faults())
                .extracting(Fault::line, Fault::field, Fault::value, Fault::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2, "BULK_STONS", cell, "expected a finite number"));
    }

    /**
     * A ULN given twice is named at the later row with the row that has it first, so that both rows
     * can be found in the spreadsheet; it was named at the later row alone.
     */
    @Test
    void aDuplicateUlnIsNamedAtItsLaterRowsWithTheFirst() throws Exception {
        String u1 = row("5");
        RequirementCsv.Result r = read(HEADER + u1 + u1.replace("U1,", "U2,") + u1 + "\r\n" + u1);
        assertThat(r.accepted()).isFalse();
        assertThat(r.faults())
                .extracting(Fault::line, Fault::where, Fault::field, Fault::value, Fault::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                4,
                                "row 4 (uln U1)",
                                "ULN",
                                "U1",
                                "duplicate ULN: row 2 has it too"),
                        org.assertj.core.groups.Tuple.tuple(
                                6,
                                "row 6 (uln U1)",
                                "ULN",
                                "U1",
                                "duplicate ULN: row 2 has it too"));
    }

    @ParameterizedTest
    @CsvSource({
        "99999999999, 'number too large (at most 2,147,483,647)'",
        "2147483648, 'number too large (at most 2,147,483,647)'",
        "-99999999999, 'number too small (at least -2,147,483,648)'",
        "12.5, expected a whole number",
        "many, expected a whole number",
        // the digits 0 to 9 alone: parseInt read Arabic-Indic and full-width digits as 10
        "\u0661\u0660, expected a whole number",
        "\uff11\uff10, expected a whole number",
        "\u0669\u0669\u0669\u0669\u0669\u0669\u0669\u0669\u0669\u0669\u0669, expected a whole"
                + " number"
    })
    void aPaxCellThatIsNoWholeNumberOrTooLargeIsNamedForWhatItIs(String cell, String message)
            throws Exception {
        RequirementCsv.Result r = read(HEADER + row("5").replace(",US,10,", ",US," + cell + ","));
        assertThat(r.faults())
                .extracting(Fault::line, Fault::field, Fault::value, Fault::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "PAX", cell, message));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aByteOrderMarkBeforeTheHeaderIsSkippedWhetherItsCellsAreQuotedOrNot(boolean quoted)
            throws Exception {
        String header =
                quoted ? "\"" + String.join("\",\"", RequirementCsv.COLUMNS) + "\"\r\n" : HEADER;
        RequirementCsv.Result r = read("\uFEFF" + header + row("5"));
        assertThat(r.faults()).isEmpty();
        assertThat(r.lines()).extracting(l -> l.uln()).containsExactly("U1");
        assertThat(r.rowLines()).containsExactly(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  lead space", "trailing space ", " both ", "\tTab", "plain"})
    void aUnitNameComesBackWithTheSpacesAtItsEdgesThatTheCsvQuotes(String unit) throws Exception {
        RequirementLine named = named(unit, 1);
        String csv = RequirementCsv.write(List.of(named));
        RequirementCsv.Result back = read(csv);
        assertThat(back.faults()).as(csv).isEmpty();
        assertThat(back.lines()).as(csv).containsExactly(named);
    }

    /** The line of {@link #row} with another unit name and ready day. */
    private static RequirementLine named(String unit, int rld) throws Exception {
        RequirementLine l = read(HEADER + row("5")).lines().get(0);
        return new RequirementLine(
                l.uln(),
                unit,
                l.nation(),
                l.pax(),
                l.cargo(),
                l.origin(),
                l.poe(),
                l.pod(),
                l.destination(),
                rld,
                l.ald(),
                l.ead(),
                l.lad(),
                l.rdd(),
                l.priority(),
                l.mode());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(A1)",
                "+1",
                "-1st bde",
                "@SUM(A1)",
                "  =1+1",
                "\u00a0=1+1",
                "'=1+1",
                "''-x"
            })
    void aUnitNameASpreadsheetWouldRunIsWrittenBehindAQuoteAndReadBackWhole(String unit)
            throws Exception {
        RequirementLine line = named(unit, -2);
        String csv = RequirementCsv.write(List.of(line));
        String data = csv.split("\r\n")[1];
        // the unit cell, unquoted (none of these names needs CSV quotes), begins with the '
        assertThat(data).as(csv).startsWith("U1,'" + unit + ",");
        // a number is written as a number: a day before C-day stays a figure to add up
        assertThat(data).as(csv).contains(",-2,");
        RequirementCsv.Result back = read(csv);
        assertThat(back.faults()).as(csv).isEmpty();
        assertThat(back.lines()).as(csv).containsExactly(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's", "'quoted'", "1st bde", "a=b", "'plain"})
    void aUnitNameNoSpreadsheetWouldRunIsWrittenAsItIs(String unit) throws Exception {
        RequirementLine line = named(unit, 1);
        String csv = RequirementCsv.write(List.of(line));
        assertThat(csv.split("\r\n")[1]).as(csv).startsWith("U1," + unit + ",");
        assertThat(read(csv).lines()).as(csv).containsExactly(line);
    }

    @Test
    void spacesAroundAnUnquotedCellAreNotPartOfIt() throws Exception {
        RequirementCsv.Result r =
                read(
                        HEADER
                                + " U1 , 1st bde ,US,10,5,,,,0,,,, FTBRAGG ,"
                                + "KPOB,EPRZ,AA-RZE,1,2,3,4,5,1,AIR\r\n");
        assertThat(r.faults()).isEmpty();
        RequirementLine l = r.lines().get(0);
        assertThat(List.of(l.uln(), l.unit(), l.origin()))
                .containsExactly("U1", "1st bde", "FTBRAGG");
    }

    @Test
    void aRowOfEmptyCellsIsSkippedAsAnEmptyLineIs() throws Exception {
        String empty = ",".repeat(RequirementCsv.COLUMNS.size() - 1) + "\r\n";
        RequirementCsv.Result r = read(HEADER + empty + row("5") + "\r\n" + empty + " , ,\r\n");
        assertThat(r.faults()).isEmpty();
        assertThat(r.lines()).extracting(l -> l.uln()).containsExactly("U1");
        assertThat(r.rowLines()).containsExactly(3);
    }

    @ParameterizedTest
    @CsvSource({"';', semicolons", "'\t', tabs"})
    void aCsvWithAnotherSeparatorIsToldSoAtItsHeader(String sep, String name) throws Exception {
        String csv = (HEADER + row("5")).replace(",", sep);
        RequirementCsv.Result r = read(csv);
        assertThat(r.accepted()).isFalse();
        assertThat(r.faults())
                .extracting(Fault::line, Fault::field, Fault::message, Fault::hint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                1,
                                "column 1",
                                "the cells are separated by " + name + ", not by commas",
                                "save the CSV with commas between the cells"));
    }
}
