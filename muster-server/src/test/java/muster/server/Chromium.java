package muster.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code /usr/bin/chromium}, or {@code MUSTER_CHROMIUM}) driven over
 * the Chrome DevTools Protocol with Java's own WebSocket client.
 */
final class Chromium implements AutoCloseable {
    private final Process process;
    private final Path profile;
    private final WebSocket ws;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

    static String executable() {
        String e = System.getenv("MUSTER_CHROMIUM");
        return e != null && !e.isBlank() ? e : "/usr/bin/chromium";
    }

    Chromium(int width, int height) throws Exception {
        profile = Files.createTempDirectory("muster-chromium");
        process =
                new ProcessBuilder(
                                executable(),
                                "--headless=new",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--remote-allow-origins=*",
                                "--remote-debugging-port=0",
                                "--user-data-dir=" + profile,
                                "--window-size=" + width + "," + height,
                                "about:blank")
                        .redirectErrorStream(true)
                        .start();
        int port = devToolsPort();
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        for (int i = 0; i < 50 && pageWs == null; i++) {
            String list =
                    http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/json/list"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            for (JsonNode t : Json.MAPPER.readTree(list)) {
                if ("page".equals(t.path("type").asText())) {
                    pageWs = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageWs == null) {
                Thread.sleep(100);
            }
        }
        if (pageWs == null) {
            throw new IllegalStateException("Chromium opened no page");
        }
        ws =
                http.newWebSocketBuilder()
                        .buildAsync(URI.create(pageWs), new Listener())
                        .get(10, TimeUnit.SECONDS);
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        send(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private int devToolsPort() throws IOException {
        BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("DevTools listening on ws://[^:]+:(\\d+)/");
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = r.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = p.matcher(line);
            if (m.find()) {
                Thread drain =
                        new Thread(
                                () -> {
                                    try {
                                        while (r.readLine() != null) {
                                            // keep the pipe empty
                                        }
                                    } catch (IOException ignored) {
                                        // the browser closed
                                    }
                                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("Chromium did not start:\n" + seen);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buf = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            buf.append(data);
            if (last) {
                try {
                    JsonNode n = Json.MAPPER.readTree(buf.toString());
                    if (n.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(n.get("id").asLong());
                        if (f != null) {
                            f.complete(n);
                        }
                    } else if ("Log.entryAdded".equals(n.path("method").asText())) {
                        JsonNode e = n.path("params").path("entry");
                        log.add(e.path("source").asText() + ": " + e.path("text").asText());
                    }
                } catch (IOException e) {
                    // a message we cannot read is not one we wait for
                }
                buf.setLength(0);
            }
            w.request(1);
            return null;
        }
    }

    JsonNode send(String method, Map<String, Object> params) throws Exception {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ws.sendText(Json.write(Map.of("id", id, "method", method, "params", params)), true).get();
        JsonNode r = f.get(60, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.get("error"));
        }
        return r.get("result");
    }

    void navigate(String url) throws Exception {
        send("Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete'", Duration.ofSeconds(30));
    }

    /**
     * What the browser has logged of the pages opened, oldest first, each as its source and text
     * ({@code security: ... violates the following Content Security Policy directive ...}).
     */
    List<String> log() {
        return List.copyOf(log);
    }

    /** Evaluates a JavaScript expression (promises awaited) and returns its value. */
    JsonNode eval(String js) throws Exception {
        JsonNode r =
                send(
                        "Runtime.evaluate",
                        Map.of("expression", js, "awaitPromise", true, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException(
                    "script failed: " + js + "\n" + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Waits until the expression is truthy; fails naming it after the timeout. */
    void waitFor(String js, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (eval("!!(" + js + ")").asBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // page between loads
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited " + timeout.toSeconds() + " s for: " + js);
    }

    void screenshot(Path file) throws Exception {
        JsonNode r =
                send(
                        "Page.captureScreenshot",
                        Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    @Override
    public void close() throws IOException {
        try {
            ws.abort();
        } finally {
            // the browser's helper processes (renderers, network service) write to the profile
            // too: stop them all before it is deleted
            List<ProcessHandle> helpers = process.descendants().toList();
            process.destroy();
            helpers.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                for (ProcessHandle h : helpers) {
                    try {
                        h.onExit().get(10, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException
                            | java.util.concurrent.TimeoutException e) {
                        h.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteProfile();
        }
    }

    /** Deletes the profile directory; a file that vanishes meanwhile is simply gone already. */
    private void deleteProfile() throws IOException {
        for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                // a helper removed a file while we walked: walk again
            }
        }
    }
}
