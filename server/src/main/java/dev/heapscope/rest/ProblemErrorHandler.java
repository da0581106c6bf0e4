package dev.heapscope.rest;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (an unknown path outside the API, a malformed request line, an ambiguous
 * URI, headers or a URI too large) as problem+json too, never an HTML page, an empty body or a stack
 * trace. Each says {@code Connection: close}: after a malformed request Jetty closes the connection, and
 * a client told so sends its next request on a new one instead of losing it.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final int MAX_JETTY_MESSAGE = 200;

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 404;
        RawProblems.write(response, callback, status, detail(request, status), true);
        return true;
    }

    private static String detail(Request request, int status) {
        return switch (status) {
            case 404 -> "no resource at " + request.getHttpURI().getPath() + "; the API lives under "
                    + HttpServer.API_PATH + " (see " + HttpServer.API_PATH + "/openapi.yaml)";
            case 414 -> "the request URI is longer than heapscope accepts (the request line and headers must fit"
                    + " in 8 KiB)";
            case 431 -> "the request headers are larger than heapscope accepts (8 KiB in all)";
            default -> "the request could not be processed (HTTP " + status + ")" + jettyReason(request);
        };
    }

    // Jetty's reason names the rule a malformed request broke ("Ambiguous URI path separator")
    private static String jettyReason(Request request) {
        Object message = request.getAttribute(ERROR_MESSAGE);
        if (!(message instanceof String text) || text.isBlank()) {
            return "";
        }
        String reason = text.length() <= MAX_JETTY_MESSAGE ? text : text.substring(0, MAX_JETTY_MESSAGE) + "...";
        return ": " + reason;
    }
}
