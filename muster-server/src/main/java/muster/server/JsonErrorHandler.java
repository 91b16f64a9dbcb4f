package muster.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests the web server refuses before any route sees them (a NUL in the path, a
 * malformed URI) in the JSON every other refusal has, {@code {"error": "..."}}, rather than Jetty's
 * HTML page. The message is Jetty's reason phrase for the status, never a cause's text.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            Throwable cause,
            Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String text =
                "request refused by the web server: "
                        + code
                        + " "
                        + (reason == null ? "" : reason)
                        + (code == 400
                                ? " (a malformed path or header, e.g. a NUL in the path)"
                                : "");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        byte[] body = Json.write(Map.of("error", text)).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
