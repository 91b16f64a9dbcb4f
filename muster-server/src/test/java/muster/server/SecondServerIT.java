package muster.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A server started on the data directory of a server that runs in another JVM is refused, and the
 * running one keeps its database: its PostgreSQL is no orphan of a killed server.
 */
class SecondServerIT {
    static final String ADMIN = "second-admin-password";

    @Test
    void aSecondServerOnARunningServersDataDirectoryIsRefusedAndStopsNothing() throws Exception {
        ServerJvm jvm = new ServerJvm("muster-second", ADMIN);
        Path dataDir = jvm.dataDir();
        try {
            jvm.start("first");
            assertThatThrownBy(() -> Database.embedded(dataDir).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(dataDir + " is in use: another muster server runs on it");
            HttpResponse<String> login =
                    jvm.send(
                            null,
                            "POST",
                            "/api/login",
                            "{\"username\":\"admin\",\"password\":\"" + ADMIN + "\"}");
            assertThat(login.statusCode())
                    .as("the first server signs in after the refusal: %s", login.body())
                    .isEqualTo(200);
        } catch (Throwable failed) {
            jvm.printLogs(failed);
            throw failed;
        } finally {
            jvm.remove();
        }
    }
}
