package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A whole-number option is read from the digits 0 to 9 alone: picocli read {@code --seed ١٠}
 * (Arabic-Indic digits) or {@code --iterations １０} (full-width) as 10 without a word. Each is
 * refused as a usage error naming the option and the value. Each command line ends in {@code
 * --help}, so that one the option takes prints its help and runs nothing.
 */
class WholeNumberOptionsTest {
    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Muster.run(args, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "generate, --seed, \u0661\u0660",
        "plan, --seed, \u0661\u0660",
        "plan, --iterations, \uff11\uff10",
        "plan, --iterations, \u0967\u0966",
        "bound, --lp-limit, \u0661\u0660",
        "serve, --port, \u0668\u0660\u0668\u0660",
        "orders draft, --notice-hours, \u0661\u0662",
    })
    void aWholeNumberOfOtherDigitsIsRefusedNamingTheOptionAndTheValue(
            String command, String option, String value) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(option, value, "--help"));
        assertThat(run(args.toArray(String[]::new))).as(err).isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .contains(
                        "Invalid value for option '"
                                + option
                                + "': '"
                                + value
                                + "' is not a whole number: write it with the digits 0 to 9");
        assertThat(out).isEmpty();
    }

    /** The same values in the digits 0 to 9 are taken, a sign too, as before. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "plan, --seed, 10",
        "plan, --seed, -10",
        "plan, --iterations, +10",
        "bound, --lp-limit, 10",
        "serve, --port, 8080",
        "orders draft, --notice-hours, 12",
    })
    void aWholeNumberOfTheDigits0To9IsTaken(String command, String option, String value) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(option, value, "--help"));
        assertThat(run(args.toArray(String[]::new))).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).contains("Usage: muster " + command);
    }

    @Test
    void aNumberPastWhatTheOptionHoldsIsNamedWithItsRange() {
        assertThat(run("plan", "--iterations", "2147483648", "--help")).isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .contains(
                        "Invalid value for option '--iterations': '2147483648' is not a whole"
                                + " number from -2,147,483,648 to 2,147,483,647");
        assertThat(run("plan", "--seed", "9".repeat(30), "--help")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Invalid value for option '--seed': '" + "9".repeat(30) + "'");
    }

    /** Without --help: a generated scenario was named and seeded as if given seed 10. */
    @Test
    void generateDoesNotTakeArabicIndicDigitsForItsSeed() {
        assertThat(run("generate", "--scale", "S", "--seed", "\u0661\u0660"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(out).doesNotContain("generated-s-10");
        assertThat(err).contains("option '--seed': '\u0661\u0660'");
    }
}
