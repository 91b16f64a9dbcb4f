package muster.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import muster.io.csv.FormulaCells;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Fault;
import muster.model.LineMode;
import muster.model.RequirementLine;
import muster.model.validate.Closest;

/**
 * Requirement lines as CSV in the TPFDD column order planners use, so lines can go through a
 * spreadsheet and back unchanged. Weights in short tons, deck areas in square feet, days from
 * C-day.
 */
public final class RequirementCsv {
    /** The columns, in order. */
    public static final List<String> COLUMNS =
            List.of(
                    "ULN",
                    "UNIT",
                    "NATION",
                    "PAX",
                    "BULK_STONS",
                    "OVERSIZE_STONS",
                    "OUTSIZE_STONS",
                    "NAT_STONS",
                    "BULK_SQFT",
                    "OVERSIZE_SQFT",
                    "OUTSIZE_SQFT",
                    "NAT_SQFT",
                    "ORIGIN",
                    "POE",
                    "POD",
                    "DESTINATION",
                    "RLD",
                    "ALD",
                    "EAD",
                    "LAD",
                    "RDD",
                    "PRIORITY",
                    "MODE");

    private static final CargoClass[] CARGO = {
        CargoClass.BULK, CargoClass.OVERSIZE, CargoClass.OUTSIZE, CargoClass.NAT
    };

    /**
     * The lines read from a CSV file.
     *
     * @param lines the lines, or null when any fault is an error
     * @param rowLines the file line of each line's row, in order
     * @param faults faults naming the row (file line) and the column
     */
    public record Result(List<RequirementLine> lines, List<Integer> rowLines, List<Fault> faults) {
        public Result {
            faults = List.copyOf(faults);
        }

        public boolean accepted() {
            return lines != null;
        }
    }

    private RequirementCsv() {}

    public static String write(List<RequirementLine> lines) {
        StringWriter w = new StringWriter();
        try {
            write(lines, w);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return w.toString();
    }

    public static void write(List<RequirementLine> lines, Writer out) throws IOException {
        row(out, COLUMNS);
        List<String> cells = new ArrayList<>(COLUMNS.size());
        for (RequirementLine l : lines) {
            cells.clear();
            cells.add(defused(l.uln()));
            cells.add(defused(nz(l.unit())));
            cells.add(defused(nz(l.nation())));
            cells.add(Integer.toString(l.pax()));
            for (CargoClass c : CARGO) {
                cells.add(l.cargoOf(c).map(e -> num(e.stons())).orElse(""));
            }
            for (CargoClass c : CARGO) {
                cells.add(l.cargoOf(c).map(e -> num(e.sqft())).orElse(""));
            }
            cells.add(defused(nz(l.origin())));
            cells.add(defused(nz(l.poe())));
            cells.add(defused(nz(l.pod())));
            cells.add(defused(nz(l.destination())));
            cells.add(Integer.toString(l.rld()));
            cells.add(Integer.toString(l.ald()));
            cells.add(Integer.toString(l.ead()));
            cells.add(Integer.toString(l.lad()));
            cells.add(Integer.toString(l.rdd()));
            cells.add(Integer.toString(l.priority()));
            cells.add(l.mode() == null ? "" : l.mode().name());
            row(out, cells);
        }
        out.flush();
    }

    /**
     * The cargo entries of {@code lines} that the CSV has no cell for, one fault each: a PAX entry
     * (people go in the PAX column) and a second entry of a class (there is one cell per class).
     * Written without them, the CSV would lose their short tons without a word.
     */
    public static List<Fault> unwritable(List<RequirementLine> lines) {
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RequirementLine l = lines.get(i);
            EnumSet<CargoClass> seen = EnumSet.noneOf(CargoClass.class);
            for (int k = 0; k < l.cargo().size(); k++) {
                CargoEntry e = l.cargo().get(k);
                CargoClass c = e.cargoClass();
                String message;
                String hint;
                if (c == CargoClass.PAX) {
                    message =
                            "a PAX cargo entry ("
                                    + num(e.stons())
                                    + " stons) has no column in the CSV, which gives people in"
                                    + " PAX";
                    hint = "give the people in the line's 'pax' and remove the entry";
                } else if (!seen.add(c)) {
                    message =
                            "a second "
                                    + c
                                    + " entry ("
                                    + num(e.stons())
                                    + " stons): the CSV has one "
                                    + c
                                    + "_STONS cell per line";
                    hint = "add the stons to the first " + c + " entry";
                } else {
                    continue;
                }
                faults.add(
                        Fault.error(
                                "requirements[" + i + "].cargo[" + k + "].class",
                                "requirement " + l.uln(),
                                "class",
                                c.name(),
                                message,
                                hint));
            }
        }
        return faults;
    }

    /**
     * The lines of a CSV file. A file that cannot be read whole (a read that fails part way, a
     * permission taken away since it was checked) is refused as a fault of the file, with the
     * cause, as a file that cannot be parsed is.
     */
    public static Result read(Path file) {
        String name = file.getFileName().toString();
        try {
            try (InputStream in = Files.newInputStream(file)) {
                String bad = Utf8Check.firstFault(in);
                if (bad != null) {
                    return new Result(
                            null, List.of(), List.of(fileFault(bad, Utf8Check.lineOf(bad))));
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
            }
        } catch (IOException e) {
            return new Result(
                    null, List.of(), List.of(fileFault("cannot read the file: " + cause(e), 0)));
        }
    }

    /**
     * The reason of a failed read in words: the JDK's message of a denied read is the path alone.
     */
    private static String cause(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public static Result read(byte[] bytes, String name) throws IOException {
        String bad = Utf8Check.firstFault(new ByteArrayInputStream(bytes));
        if (bad != null) {
            return new Result(null, List.of(), List.of(fileFault(bad, Utf8Check.lineOf(bad))));
        }
        return read(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
                name);
    }

    private static Result read(Reader in, String name) throws IOException {
        List<RequirementLine> lines = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        // the line of the first row of each ULN, so that a second is named with the first
        Map<String, Integer> ulnRows = new HashMap<>();
        int[] rowStart = {0};
        // spaces around an unquoted cell go; a quoted cell keeps its own, as write() quotes a
        // unit name that starts or ends with one so that it comes back whole
        try (CsvParser p =
                new CsvFactory()
                        .enable(CsvParser.Feature.TRIM_SPACES)
                        .createParser(withoutBom(in))) {
            boolean header = true;
            List<String> cells = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                int line = 0;
                rowStart[0] = 0;
                cells.clear();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    if (line == 0) {
                        // the row's START_ARRAY sits where the previous row ended
                        line = p.currentTokenLocation().getLineNr();
                        rowStart[0] = line;
                    }
                    cells.add(undefused(p.getText()));
                }
                if (header) {
                    header = false;
                    if (!checkHeader(cells, line, faults)) {
                        return new Result(null, List.of(), faults);
                    }
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    // an empty line, or a row of empty cells, which a spreadsheet writes for a row
                    // whose cells were cleared: it holds no line
                    continue;
                }
                Row row = new Row(cells, line, faults);
                RequirementLine l = row.line();
                String uln = cells.get(0).strip();
                Integer first = uln.isEmpty() ? null : ulnRows.putIfAbsent(uln, line);
                if (first != null) {
                    row.fault("ULN", uln, "duplicate ULN: row " + first + " has it too", null);
                }
                if (l != null) {
                    lines.add(l);
                    rowLines.add(line);
                }
                if (faults.size() > ScenarioReader.MAX_FAULTS) {
                    faults.add(
                            fileFault(
                                    "more than " + ScenarioReader.MAX_FAULTS + " faults; stopped",
                                    line));
                    break;
                }
            }
            if (header) {
                faults.add(
                        fileFault(
                                "the file is empty: expected the header "
                                        + String.join(",", COLUMNS),
                                1));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // a quote left open runs the row on into the next lines, where the parser stops:
            // the row is named at the line it starts on
            int start = rowStart[0];
            String where =
                    start > 0 && line > start
                            ? " (in the row that starts on line "
                                    + start
                                    + "; a quote left open there runs it on to line "
                                    + line
                                    + ")"
                            : "";
            faults.add(
                    fileFault(
                            "cannot read the CSV: " + JacksonText.problem(e) + where,
                            start > 0 && line > start ? start : line));
        }
        boolean ok = faults.stream().noneMatch(Fault::isError);
        return new Result(ok ? lines : null, rowLines, faults);
    }

    /**
     * The text after a byte order mark (Excel's "CSV UTF-8" writes one), skipped before the parser
     * sees it: left in, it hides the opening quote of a quoted first cell.
     */
    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int c = r.read();
        if (c >= 0 && c != '\uFEFF') {
            r.unread(c);
        }
        return r;
    }

    private static boolean checkHeader(List<String> cells, int line, List<Fault> faults) {
        // a spreadsheet set for a decimal comma saves "CSV" with semicolons between the cells
        String first = cells.isEmpty() ? "" : cells.get(0).strip().toUpperCase(Locale.ROOT);
        for (String sep : List.of(";", "\t")) {
            if (cells.size() == 1 && first.startsWith(COLUMNS.get(0) + sep)) {
                faults.add(
                        new Fault(
                                Fault.Severity.ERROR,
                                "header",
                                "header",
                                "column 1",
                                cells.get(0),
                                "the cells are separated by "
                                        + (sep.equals(";") ? "semicolons" : "tabs")
                                        + ", not by commas",
                                "save the CSV with commas between the cells",
                                line));
                return false;
            }
        }
        for (int i = 0; i < Math.max(cells.size(), COLUMNS.size()); i++) {
            String got = i < cells.size() ? cells.get(i).strip().toUpperCase(Locale.ROOT) : null;
            String want = i < COLUMNS.size() ? COLUMNS.get(i) : null;
            if (got != null && got.equals(want)) {
                continue;
            }
            String where = "header";
            String msg =
                    want == null
                            ? "an extra column"
                            : got == null
                                    ? "column " + (i + 1) + " should be " + want + " but is missing"
                                    : "column " + (i + 1) + " should be " + want;
            faults.add(
                    new Fault(
                            Fault.Severity.ERROR,
                            "header",
                            where,
                            "column " + (i + 1),
                            got,
                            msg,
                            "the header " + String.join(",", COLUMNS),
                            line));
            return false;
        }
        return true;
    }

    /** One data row turned into a line, with a fault per bad cell. */
    private static final class Row {
        private final List<String> cells;
        private final int line;
        private final List<Fault> faults;
        private final String where;
        private boolean bad;

        Row(List<String> cells, int line, List<Fault> faults) {
            this.cells = cells;
            this.line = line;
            this.faults = faults;
            String uln = cells.isEmpty() ? "" : cells.get(0).strip();
            this.where = "row " + line + (uln.isEmpty() ? "" : " (uln " + uln + ")");
        }

        RequirementLine line() {
            if (cells.size() != COLUMNS.size()) {
                fault(
                        "row",
                        Integer.toString(cells.size()),
                        "has " + cells.size() + " cells, expected " + COLUMNS.size(),
                        "one cell per column: " + String.join(",", COLUMNS));
                return null;
            }
            String uln = text("ULN", true);
            String unit = cells.get(COLUMNS.indexOf("UNIT"));
            String nation = text("NATION", true);
            int pax = integer("PAX", false);
            List<CargoEntry> cargo = new ArrayList<>();
            for (CargoClass c : CARGO) {
                double stons = number(c + "_STONS");
                double sqft = number(c + "_SQFT");
                String st = cell(c + "_STONS");
                String sq = cell(c + "_SQFT");
                if (!st.isEmpty() || !sq.isEmpty()) {
                    // named by the spreadsheet's columns here: the scenario validator would name
                    // the fields of the line it made, 'stons' = '0' for a cell left blank
                    if (stons == 0 && sqft > 0) {
                        fault(
                                c + "_STONS",
                                st,
                                "the "
                                        + c
                                        + " cargo has a deck area ("
                                        + c
                                        + "_SQFT "
                                        + sq
                                        + ") but no weight",
                                null);
                    } else if (stons > 0 && sq.isEmpty() && cell("MODE").equals("SEA")) {
                        fault(
                                c + "_SQFT",
                                sq,
                                "an empty cell: a SEA line gives the deck area of its "
                                        + c
                                        + " cargo",
                                null);
                    }
                    cargo.add(new CargoEntry(c, stons, sqft));
                }
            }
            String origin = text("ORIGIN", true);
            String poe = text("POE", false);
            String pod = text("POD", false);
            String destination = text("DESTINATION", true);
            int rld = integer("RLD", true);
            int ald = integer("ALD", true);
            int ead = integer("EAD", true);
            int lad = integer("LAD", true);
            int rdd = integer("RDD", true);
            int priority = integer("PRIORITY", true);
            LineMode mode = mode();
            if (bad) {
                return null;
            }
            return new RequirementLine(
                    uln,
                    unit.isBlank() ? "" : unit,
                    nation,
                    pax,
                    cargo,
                    origin,
                    poe,
                    pod,
                    destination,
                    rld,
                    ald,
                    ead,
                    lad,
                    rdd,
                    priority,
                    mode);
        }

        private String cell(String column) {
            return cells.get(COLUMNS.indexOf(column)).strip();
        }

        private String text(String column, boolean required) {
            String v = cell(column);
            if (v.isEmpty()) {
                if (required) {
                    fault(column, "", "an empty cell in a required column", null);
                }
                return null;
            }
            return v;
        }

        private int integer(String column, boolean required) {
            String v = cell(column);
            if (v.isEmpty()) {
                if (required) {
                    fault(column, "", "an empty cell in a required column", null);
                }
                return 0;
            }
            if (!NumberText.isWholeNumber(v)) {
                // the digits 0 to 9 alone: parseInt reads those of every script, Arabic-Indic 10 as
                // 10
                fault(column, v, "expected a whole number", null);
                return 0;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                // digits alone are a whole number, only past what the field holds
                String message =
                        v.startsWith("-")
                                ? String.format(
                                        Locale.ROOT,
                                        "number too small (at least %,d)",
                                        Integer.MIN_VALUE)
                                : String.format(
                                        Locale.ROOT,
                                        "number too large (at most %,d)",
                                        Integer.MAX_VALUE);
                fault(column, v, message, null);
                return 0;
            }
        }

        private double number(String column) {
            String v = cell(column);
            if (v.isEmpty()) {
                return 0;
            }
            if (!NumberText.isDecimal(v)) {
                // Java would read '12f', '12d' and '0x1p3' as numbers; a spreadsheet means none
                fault(column, v, "expected a number", null);
                return 0;
            }
            // decimal text always parses, to a number: infinity for an exponent past its range
            double d = Double.parseDouble(v);
            if (Double.isInfinite(d)) {
                fault(column, v, "expected a finite number", null);
                return 0;
            }
            return d;
        }

        private LineMode mode() {
            String v = cell("MODE");
            for (LineMode m : LineMode.values()) {
                if (m.name().equals(v)) {
                    return m;
                }
            }
            List<String> names = List.of("AIR", "SEA", "LAND");
            fault(
                    "MODE",
                    v,
                    v.isEmpty()
                            ? "an empty cell in a required column"
                            : "not one of AIR, SEA, LAND",
                    Closest.to(v, names));
            return null;
        }

        private void fault(String column, String value, String message, String hint) {
            bad = true;
            faults.add(
                    new Fault(
                            Fault.Severity.ERROR,
                            column,
                            where,
                            column,
                            value,
                            message,
                            hint,
                            line));
        }
    }

    private static Fault fileFault(String message, int line) {
        return new Fault(Fault.Severity.ERROR, "", "file", null, null, message, null, line);
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String s) {
        boolean needs =
                s.indexOf(',') >= 0
                        || s.indexOf('"') >= 0
                        || s.indexOf('\n') >= 0
                        || s.indexOf('\r') >= 0
                        || (!s.isEmpty()
                                && (Character.isWhitespace(s.charAt(0))
                                        || Character.isWhitespace(s.charAt(s.length() - 1))));
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /**
     * A text cell as written: with a {@code '} before it where a spreadsheet may run it as a
     * formula ({@link #formula}), so that opening an exported scenario cannot run a unit name such
     * as {@code =HYPERLINK(...)}. Numbers are written as they are, so a negative day stays a
     * figure.
     */
    static String defused(String s) {
        return formula(s) ? "'" + s : s;
    }

    /**
     * A cell as read: the {@code '} that {@link #defused} put before a formula is taken off again,
     * so an exported line comes back exactly; a cell that is no such formula is left as it is.
     */
    static String undefused(String s) {
        return s.startsWith("'") && formula(s) ? s.substring(1) : s;
    }

    /**
     * Whether a spreadsheet may run {@code s}, after any {@code '} it begins with, as a formula, by
     * the rule of the plan's CSVs ({@link FormulaCells#mayRun}). The quotes are skipped so that a
     * cell that already begins with one gets one more and loses only that one when read back:
     * defused and undefused are inverses for every text.
     */
    private static boolean formula(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == '\'') {
            k++;
        }
        return FormulaCells.mayRun(s.substring(k));
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
