package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request whose body stops coming before the length it announced is refused after the server's
 * idle time with a 408 in the JSON every refusal has, naming what happened. Javalin answered it
 * with an empty text body, past every handler of the API. A server of its own, with an idle time of
 * a second, so that the test does not wait Jetty's 30.
 */
class StalledBodyTest {
    @TempDir Path dataDir;

    /** The raw answer to {@code head} and {@code body} sent on one connection, which then waits. */
    private static String exchange(int port, String head, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write((head + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                got.write(buf, 0, n);
                String text = got.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    int len = contentLength(text.substring(0, end));
                    if (len >= 0 && text.length() - end - 4 >= len) {
                        return text;
                    }
                }
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return -1;
    }

    private static String login(int length) {
        return "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + length
                + "\r\n\r\n";
    }

    @Test
    void aBodyThatStopsComingIsRefusedIn408JsonNamingWhatHappened() throws Exception {
        MusterServer.Options o =
                MusterServer.Options.defaults()
                        .withPort(0)
                        .withHost("127.0.0.1")
                        .withAdminPassword("admin-password-stalled-body")
                        .withDataDir(dataDir)
                        .withBundledScenario(null)
                        .withBodyIdle(Duration.ofSeconds(1));
        try (MusterServer srv = MusterServer.start(o, new StringBuilder())) {
            String part = "{\"username\": \"admin\", ";
            long t0 = System.nanoTime();
            String answer = exchange(srv.port(), login(100), part);
            double waited = (System.nanoTime() - t0) / 1e9;
            assertThat(answer).startsWith("HTTP/1.1 408 ");
            assertThat(answer).containsIgnoringCase("content-type: application/json");
            JsonNode body = Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("error").asText())
                    .isEqualTo(
                            "request body: it stopped coming before its end (Content-Length"
                                    + " announced 100 bytes) and nothing more came for 1 s;"
                                    + " nothing was read or stored; send the whole body again");
            assertThat(waited).as("refused after the idle time, not before").isGreaterThan(0.9);
            // a whole body on the same server is read as ever: a wrong password is a 401
            String whole = "{\"username\": \"admin\", \"password\": \"not-it\"}";
            String refused = exchange(srv.port(), login(whole.length()), whole);
            assertThat(refused).startsWith("HTTP/1.1 401 ");
        }
    }
}
