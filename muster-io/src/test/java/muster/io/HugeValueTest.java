package muster.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import muster.io.force.CatalogueReader;
import muster.io.force.ForceRead;
import muster.io.force.RequirementsReader;
import muster.model.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value of megabytes given for a field (a number of two million digits, a text pasted by mistake)
 * is shown in a fault by its first 60 characters and "...", as the orders commands show theirs, in
 * scenarios, catalogues, requirement files and plan files: the refusal printed it whole, a line of
 * megabytes.
 */
class HugeValueTest {
    private static final String DIGITS = "9".repeat(2_000_000);

    /** A number for the catalogue and requirement files, whose readers take it as a BigInteger. */
    private static final String MANY_DIGITS = "9".repeat(200_000);

    private static final String TEXT = "X".repeat(3_000_000);

    /** The longest a fault's line may be here: its place, field, cut value and message. */
    private static final int READABLE = 400;

    @TempDir Path dir;

    private static void readable(Fault f, String file, String field, String shown) {
        assertThat(f.field()).isEqualTo(field);
        assertThat(f.value()).isEqualTo(shown);
        String line = f.describe(file);
        assertThat(line.length()).as(line).isLessThan(READABLE);
    }

    private static Fault at(List<Fault> faults, String field) {
        List<Fault> at = faults.stream().filter(f -> field.equals(f.field())).toList();
        assertThat(at).as(field).hasSize(1);
        return at.get(0);
    }

    private static ScenarioReader.Result scenario(String text) {
        return new ScenarioReader(ScenarioReaderTest.FACTORS)
                .readBytes(text.getBytes(StandardCharsets.UTF_8), "s.yaml");
    }

    @Test
    void aHugeNumberOrTextInAScenarioIsShownCut() throws Exception {
        String valid = Files.readString(ScenarioReaderTest.resource("valid.yaml"));
        assertThat(valid).contains("horizonDays: 30", "carries: [PAX, BULK, OVERSIZE, OUTSIZE]");
        ScenarioReader.Result number =
                scenario(valid.replace("horizonDays: 30", "horizonDays: " + DIGITS));
        assertThat(number.accepted()).isFalse();
        readable(at(number.errors(), "horizonDays"), "s.yaml", "horizonDays", cut(DIGITS));

        // the message names what it found, and shows it cut as well
        ScenarioReader.Result text =
                scenario(
                        valid.replace(
                                "carries: [PAX, BULK, OVERSIZE, OUTSIZE]", "carries: " + TEXT));
        Fault carries = at(text.errors(), "carries");
        readable(carries, "s.yaml", "carries", cut(TEXT));
        assertThat(carries.message()).isEqualTo("expected a list, found '" + cut(TEXT) + "'");
    }

    @Test
    void anUnknownFieldOfAHugeNameIsShownCutInItsFieldAndPath() throws Exception {
        String json = Files.readString(ScenarioReaderTest.resource("valid.json"));
        assertThat(json).contains("\"name\": \"Fort Bragg\"");
        String key = "k".repeat(20_000);
        ScenarioReader.Result r =
                new ScenarioReader(ScenarioReaderTest.FACTORS)
                        .readBytes(
                                json.replace(
                                                "\"name\": \"Fort Bragg\"",
                                                "\"name\": \"Fort Bragg\", \"" + key + "\": 1")
                                        .getBytes(StandardCharsets.UTF_8),
                                "s.json");
        Fault f = at(r.errors(), cut(key));
        assertThat(f.path()).isEqualTo("nodes[0]." + cut(key));
        assertThat(f.placePath()).isEqualTo("nodes[0]");
        assertThat(f.describe("s.json").length()).isLessThan(READABLE);
    }

    @Test
    void aHugeNumberInACatalogueOrRequirementFileIsShownCut() throws Exception {
        Path root = Path.of("..");
        String catalogue =
                Files.readString(root.resolve("data/catalogue/eastern-flank-2022-units.yaml"));
        assertThat(catalogue).contains("personnel: 300 ");
        Path c = dir.resolve("c.yaml");
        Files.writeString(
                c, catalogue.replaceFirst("personnel: 300 ", "personnel: " + MANY_DIGITS));
        ForceRead<?> cat = CatalogueReader.read(c);
        assertThat(cat.refused()).isTrue();
        readable(at(cat.faults(), "personnel"), c.toString(), "personnel", cut(MANY_DIGITS));

        String reqs =
                Files.readString(root.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        assertThat(reqs).contains("rdd: 12,");
        Path q = dir.resolve("r.yaml");
        Files.writeString(q, reqs.replaceFirst("rdd: 12,", "rdd: " + MANY_DIGITS + ","));
        ForceRead<?> req = RequirementsReader.read(q);
        assertThat(req.refused()).isTrue();
        readable(at(req.faults(), "rdd"), q.toString(), "rdd", cut(MANY_DIGITS));
    }

    /**
     * A number of two million digits for a whole-number field of a catalogue or requirement file is
     * refused as too large (or as below its least) by its field, as a scenario refuses it: it was
     * read as a BigInteger first, a minute for each; and a decimal field given two million digits
     * and a letter is refused as not a number, which took hours.
     */
    @Test
    void aNumberOfTwoMillionDigitsInACatalogueOrRequirementFileIsRefusedByItsField()
            throws Exception {
        Path root = Path.of("..");
        String catalogue =
                Files.readString(root.resolve("data/catalogue/eastern-flank-2022-units.yaml"));
        assertThat(catalogue).contains("personnel: 300 ", "{class: BULK, stons: 88}");
        Path c = dir.resolve("c.yaml");
        Files.writeString(c, catalogue.replaceFirst("personnel: 300 ", "personnel: " + DIGITS));
        Fault big = at(CatalogueReader.read(c).faults(), "personnel");
        readable(big, c.toString(), "personnel", cut(DIGITS));
        assertThat(big.message()).isEqualTo("number too large (at most 2,147,483,647)");

        Files.writeString(
                c, catalogue.replaceFirst("personnel: 300 ", "personnel: -" + DIGITS + " "));
        Fault below = at(CatalogueReader.read(c).faults(), "personnel");
        readable(below, c.toString(), "personnel", cut("-" + DIGITS));
        assertThat(below.message()).isEqualTo("must be at least 0");

        Files.writeString(
                c,
                catalogue.replaceFirst(
                        "\\{class: BULK, stons: 88}", "{class: BULK, stons: " + DIGITS + "x}"));
        Fault stons = at(CatalogueReader.read(c).faults(), "stons");
        readable(stons, c.toString(), "stons", cut(DIGITS));
        assertThat(stons.message()).isEqualTo("must be a number");

        String header =
                "uic,name,nation,capability,echelon,homeStation,airPoe,seaPoe,personnel,bulkStons,"
                        + "bulkSqft,oversizeStons,oversizeSqft,outsizeStons,outsizeSqft,natStons,"
                        + "natSqft,readiness,noticeToMoveHours,availableFrom,availableTo,"
                        + "deployMode,selfDeployHours,committedTo,source";
        Path csv = dir.resolve("c.csv");
        Files.writeString(
                csv,
                header
                        + "\nU1,First,US,IBCT,BRIGADE,HOME1,APOE,,"
                        + DIGITS
                        + ",600,,900,,,,,,1,96,,,AIR,,,test\n");
        Fault cell = at(CatalogueReader.read(csv).faults(), "personnel");
        readable(cell, csv.toString(), "personnel", cut(DIGITS));
        assertThat(cell.line()).isEqualTo(2);

        String reqs =
                Files.readString(root.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        Path q = dir.resolve("r.yaml");
        Files.writeString(q, reqs.replaceFirst("rdd: 12,", "rdd: " + DIGITS + ","));
        Fault rdd = at(RequirementsReader.read(q).faults(), "rdd");
        readable(rdd, q.toString(), "rdd", cut(DIGITS));
        assertThat(rdd.message()).startsWith("number too large");
    }

    /**
     * Whether a text is a decimal number is judged reading each of its characters a few times at
     * most, where the pattern read a text of n digits and a letter n * n / 2 times over: minutes
     * for 200,000 digits, in a catalogue's or an import-lines CSV's number cell.
     */
    @Test
    void aDecimalIsJudgedInOneReadOfItsText() {
        for (int n : new int[] {10, 1_000, 20_000}) {
            String digits = "9".repeat(n);
            for (String text :
                    List.of(
                            digits,
                            digits + "x",
                            digits + ".5",
                            digits + "e",
                            "." + digits + "_")) {
                Counted read = new Counted(text);
                boolean decimal = NumberText.isDecimal(read);
                assertThat(decimal).as(text).isEqualTo(text.matches("[0-9]*\\.?[0-9]+"));
                assertThat(read.reads)
                        .as("reads of %d characters", text.length())
                        .isLessThanOrEqualTo(4L * text.length() + 16);
            }
        }
    }

    /** A text that counts the reads of its characters. */
    private static final class Counted implements CharSequence {
        private final String text;
        long reads;

        Counted(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int i) {
            reads++;
            return text.charAt(i);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Counted(text.substring(from, to));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    void aHugeTextInAPlanFileIsShownCut() throws Exception {
        String plan =
                PlanJson.write(PlanJsonTest.example())
                        .replaceFirst("\"tail\" : \\d+", "\"tail\" : \"" + TEXT + "\"");
        assertThat(plan).contains(TEXT);
        assertThatThrownBy(() -> PlanJson.read(plan))
                .isInstanceOfSatisfying(
                        PlanJson.PlanFormatException.class,
                        e -> {
                            assertThat(e.getMessage().length()).isLessThan(READABLE);
                            assertThat(e.getMessage()).contains("'\"" + "X".repeat(59) + "...'");
                        });
    }

    /**
     * Fault.shown gives at most 60 characters (code points) and "...", cut where no escape or
     * letter of two chars is cut in two, with no control or format character and no surrogate
     * alone, and showing twice gives what showing once does, for random texts of letters, controls,
     * format characters (in the BMP and outside it), escapes, letters outside the BMP and lone
     * surrogates.
     */
    @Test
    void aShownTextIsCutOnceAndStaysSo() {
        long seed = new Random().nextLong();
        Random rnd = new Random(seed);
        String[] parts = {
            "a",
            "Z",
            "\\",
            "u",
            "1",
            "F",
            "\u0000",
            "\u001b",
            "\u0085",
            "\u00e9",
            "\u200b",
            "\ud83d\ude80",
            "\udb40\udc01",
            "\udb40\udc7f",
            "\udb40",
            "\udc01",
            "\\u0041",
            "\\uDB40\\uDC01",
            " "
        };
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = rnd.nextInt(90);
            for (int k = 0; k < len; k++) {
                b.append(parts[rnd.nextInt(parts.length)]);
            }
            String s = b.toString();
            String once = Fault.shown(s);
            String why = "seed " + seed + ", text " + Fault.shown(s);
            assertThat(Fault.shown(once)).as(why).isEqualTo(once);
            assertThat(once.codePoints().filter(HugeValueTest::hidden)).as(why).isEmpty();
            String kept =
                    once.endsWith("...") && once.codePointCount(0, once.length()) > 60
                            ? once.substring(0, once.length() - 3)
                            : once;
            int keptChars = kept.codePointCount(0, kept.length());
            // at most an escaped surrogate pair, 12 characters, begun at the 60th
            assertThat(keptChars).as(why).isLessThanOrEqualTo(71);
            assertThat(escaped(s)).as(why).startsWith(kept);
            if (kept.length() < escaped(s).length()) {
                assertThat(once).as(why).endsWith("...");
                assertThat(keptChars).as(why).isGreaterThanOrEqualTo(60);
                assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1)))
                        .as(why)
                        .isFalse();
            } else {
                assertThat(kept).as(why).isEqualTo(escaped(s));
            }
        }
    }

    /**
     * A format character outside the BMP (the language tag U+E0001, a tag character) is shown as
     * the escapes of its surrogate pair, as one in the BMP is, and a text of letters outside the
     * BMP is cut after 60 of them, not 30, and never between the two chars of one.
     */
    @Test
    void aFormatCharacterOutsideTheBmpIsShownAsAnEscapeAndLettersAreCountedWhole() {
        assertThat(Fault.shown("en\udb40\udc01\udb40\udc65x"))
                .isEqualTo("en\\uDB40\\uDC01\\uDB40\\uDC65x");
        assertThat(Fault.shown("U\u200b1")).isEqualTo("U\\u200B1");
        assertThat(Fault.shown("a\udb40")).isEqualTo("a\\uDB40");
        String rocket = "\ud83d\ude80";
        assertThat(Fault.shown(rocket.repeat(70))).isEqualTo(rocket.repeat(60) + "...");
        assertThat(Fault.shown("x".repeat(59) + rocket.repeat(2)))
                .isEqualTo("x".repeat(59) + rocket + "...");
        assertThat(Fault.shown("x".repeat(59) + "\udb40\udc01" + "y"))
                .isEqualTo("x".repeat(59) + "\\uDB40\\uDC01...");
    }

    /** Whether a code point prints as nothing or garbled: a control, a format or a surrogate. */
    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }

    /** {@code s} with each control or format character and lone surrogate as escapes, not cut. */
    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints()
                .forEach(
                        c -> {
                            if (hidden(c)) {
                                for (char u : Character.toChars(c)) {
                                    b.append(String.format("\\u%04X", (int) u));
                                }
                            } else {
                                b.appendCodePoint(c);
                            }
                        });
        return b.toString();
    }

    private static String cut(String s) {
        return s.substring(0, 60) + "...";
    }
}
