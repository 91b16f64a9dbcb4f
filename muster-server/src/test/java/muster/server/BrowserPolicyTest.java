package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import muster.server.TestServer.Client;
import muster.server.TestServer.Response;
import org.junit.jupiter.api.Test;

/**
 * What the server tells a browser about the web UI and the plan report, which show texts that other
 * nations wrote: script runs only from where the server put it, no other site frames them, and each
 * answer is read as the type it is given.
 */
class BrowserPolicyTest {
    private final MusterServer srv = TestServer.get();

    /** The directives of a Content-Security-Policy, by name. */
    static Map<String, String> directives(String policy) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String d : policy.split(";")) {
            String t = d.trim();
            if (!t.isEmpty()) {
                int sp = t.indexOf(' ');
                m.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1));
            }
        }
        return m;
    }

    @Test
    void theWebUiRunsOnlyTheServersScriptsAndNoOtherSiteFramesIt() {
        for (String path : List.of("/", "/index.html", "/app.js", "/app.css")) {
            Response r = Client.anonymous("GET", path, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            String policy = r.header("Content-Security-Policy");
            assertThat(policy).as(path).isNotNull();
            Map<String, String> d = directives(policy);
            assertThat(d)
                    .as(path)
                    .containsEntry("script-src", "'self'")
                    .containsEntry("object-src", "'none'")
                    .containsEntry("base-uri", "'none'")
                    .containsEntry("frame-ancestors", "'none'")
                    .containsEntry("default-src", "'self'");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void aPathNoRouteTakesIsAnsweredAsPlainTextThatNoBrowserReadsAsAPage() {
        // the answer repeats the path, which whoever wrote the link chose
        Response r = Client.anonymous("GET", "/no-such-page%3Cb%3Ex", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("no endpoint GET /no-such-page%3Cb%3Ex");
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theServedReportRunsItsOwnScriptAloneInASandboxNoOtherSiteFrames() {
        Client us = TestServer.user("policy_report", "USA", Role.PLANNER);
        long[] ids = ServerApiTest.bigPlan(srv, Fixtures.me(us), "policy-report", 3);
        Response r = us.get("/api/plans/" + ids[1] + "/report.html");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String policy = r.header("Content-Security-Policy");
        assertThat(policy).isNotNull();
        Map<String, String> d = directives(policy);
        Map<String, String> page = directives(muster.io.report.HtmlReport.CONTENT_SECURITY_POLICY);
        assertThat(d).containsAllEntriesOf(page).containsEntry("frame-ancestors", "'none'");
        assertThat(d.get("script-src")).startsWith("'sha256-").doesNotContain("unsafe");
        // a sandbox of its own origin: a script that ran in the page could not read the API as
        // the reader, whose session cookie goes to the server's origin alone
        assertThat(d).containsKey("sandbox");
        assertThat(d.get("sandbox")).doesNotContain("allow-same-origin");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
