package dev.heapscope.rest;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body has already been read in full (it is small: see {@link RequestGate}) and whose
 * headers may have been rewritten. Reading it hands out the buffered body, then end of content; since
 * the connection's own body was consumed before any resource ran, an error answered without reading
 * the body never leaves unread bytes behind that would make Jetty close the connection. Without a buffered
 * body (a snapshot import, which may be large and is bounded where it is read) the body streams through.
 */
final class BufferedRequest extends Request.Wrapper {

    private final HttpFields headers;
    private final boolean buffered;
    private final long length;
    private Content.Chunk next;

    /** @param body the whole body, or null to let it stream through from the connection */
    BufferedRequest(Request request, HttpFields headers, ByteBuffer body) {
        super(request);
        this.headers = headers;
        this.buffered = body != null;
        this.length = buffered ? body.remaining() : request.getLength();
        this.next = !buffered || !body.hasRemaining() ? Content.Chunk.EOF : Content.Chunk.from(body, true);
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
        if (!buffered) {
            return super.read();
        }
        Content.Chunk chunk = next;
        next = Content.Chunk.EOF;
        return chunk;
    }

    @Override
    public boolean consumeAvailable() {
        if (!buffered) {
            return super.consumeAvailable();
        }
        read();
        return true;
    }

    @Override
    public void demand(Runnable demandCallback) {
        if (buffered) {
            demandCallback.run(); // the whole body is here: there is always something to read
        } else {
            super.demand(demandCallback);
        }
    }

    @Override
    public void fail(Throwable failure) {
        if (!buffered) {
            super.fail(failure); // nothing is pending on a buffered body
        }
    }
}
