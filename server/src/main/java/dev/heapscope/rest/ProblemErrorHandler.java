package dev.heapscope.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (an unknown path outside the API, a malformed request) as problem+json
 * too, never an HTML page or a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 404;
        String detail = status == 404
                ? "no resource at " + request.getHttpURI().getPath() + "; the API lives under " + HttpServer.API_PATH
                : "the request could not be processed (HTTP " + status + ")";
        String body = Problems.json(Problems.typeFor(status), Problems.titleFor(status), status, detail);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
