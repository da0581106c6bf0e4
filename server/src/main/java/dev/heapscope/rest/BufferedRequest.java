package dev.heapscope.rest;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body has already been read in full (it is small: see {@link RequestGate}) and whose
 * headers may have been rewritten. Reading it hands out the buffered body, then end of content; since
 * the connection's own body was consumed before any resource ran, an error answered without reading
 * the body never leaves unread bytes behind that would make Jetty close the connection.
 */
final class BufferedRequest extends Request.Wrapper {

    private final HttpFields headers;
    private final long length;
    private Content.Chunk next;

    BufferedRequest(Request request, HttpFields headers, ByteBuffer body) {
        super(request);
        this.headers = headers;
        this.length = body.remaining();
        this.next = body.hasRemaining() ? Content.Chunk.from(body, true) : Content.Chunk.EOF;
    }

    @Override
    public HttpFields getHeaders() {
        return headers;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public synchronized Content.Chunk read() {
        Content.Chunk chunk = next;
        next = Content.Chunk.EOF;
        return chunk;
    }

    @Override
    public boolean consumeAvailable() {
        read();
        return true;
    }

    @Override
    public void demand(Runnable demandCallback) {
        // the whole body is here: there is always something to read
        demandCallback.run();
    }

    @Override
    public void fail(Throwable failure) {
        // nothing is pending on a buffered body
    }
}
