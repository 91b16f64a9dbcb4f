package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code java muster.server.MusterServer [port] [jdbc-url]} refuses a port as {@code muster serve
 * --port} does: exit status 2 and one line naming the argument and its value, before any database
 * starts. No database needed.
 */
class MusterServerMainTest {
    @Test
    void aPortThatIsNoWholeNumberOfDigits0To9IsRefusedWithStatus2AndOneLine() throws Exception {
        // a stack trace, and '١٠٨٠' (Arabic-Indic) served on port 1080
        for (String port : List.of("abc", "80x", "", "١٠٨٠", "８０８０", "0x50")) {
            assertRefused(
                    new String[] {port},
                    "muster: port: '"
                            + port
                            + "' is not a whole number: write it with the digits 0 to 9");
        }
    }

    @Test
    void aWholeNumberThatIsNoTcpPortIsRefusedWithStatus2AndOneLine() throws Exception {
        for (String port : List.of("65536", "-1", "99999999999999999999")) {
            assertRefused(
                    new String[] {port},
                    "muster: port: "
                            + port
                            + " is not a TCP port (1 to 65535, or 0 for any free one)");
        }
    }

    @Test
    void anArgumentPastThePortAndTheDatabaseIsRefused() throws Exception {
        assertRefused(
                new String[] {"8080", "jdbc:postgresql://localhost/muster", "extra"},
                "muster: give at most a port and a JDBC URL, not 'extra' too");
    }

    private static void assertRefused(String[] args, String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                MusterServer.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(line + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
