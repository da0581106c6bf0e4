package dev.heapscope.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Problems written straight to Jetty's response, where no Jersey runs (the gate, Jetty's own errors). */
final class RawProblems {

    private RawProblems() {
    }

    /**
     * Writes a problem+json answer and completes the callback.
     *
     * @param close whether to say {@code Connection: close}: when Jetty will close the connection after
     *              this answer anyway, a client that knows it opens a new one instead of finding the old
     *              one closed under its next request
     */
    static void write(Response response, Callback callback, int status, String detail, boolean close) {
        String body = Problems.json(Problems.typeFor(status), Problems.titleFor(status), status, detail);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (close) {
            headers.put(HttpFields.CONNECTION_CLOSE);
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
