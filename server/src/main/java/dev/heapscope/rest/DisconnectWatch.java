package dev.heapscope.rest;

import dev.heapscope.Cancellation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * Cancels a walk when its client goes away. While a request is being handled Jetty does not read its
 * connection, so a client that closes it goes unnoticed until the answer is written; this watch asks
 * the connection to report when it becomes readable and reads one byte: end of stream (the client
 * closed, as nginx also takes it) or an error cancels the walk. Must be closed before the answer is
 * written, which gives the connection back to Jetty for the next request.
 *
 * <p>A client that sends its next request before this answer (HTTP pipelining, which no common client
 * does) has its first byte taken here; {@link #tookClientBytes()} then tells the resource to close the
 * connection after its answer, so that the client resends that request on a new one.
 */
final class DisconnectWatch implements AutoCloseable {

    private static final Exception STOPPED = new Exception("the watch stopped: the answer is being written");

    private final EndPoint endPoint;
    private final Cancellation cancellation;
    private final AtomicBoolean registered = new AtomicBoolean();
    private volatile boolean closed;
    private volatile boolean tookBytes;

    private DisconnectWatch(EndPoint endPoint, Cancellation cancellation) {
        this.endPoint = endPoint;
        this.cancellation = cancellation;
    }

    /** Starts watching the connection of {@code request}; a watch that can do nothing when it is not Jetty's. */
    static DisconnectWatch start(HttpServletRequest request, Cancellation cancellation) {
        EndPoint endPoint = null;
        if (request != null) {
            try {
                endPoint = ServletContextRequest.getServletContextRequest(request).getConnectionMetaData()
                        .getConnection().getEndPoint();
            } catch (IllegalStateException e) {
                // not served by Jetty's servlet layer: nothing to watch
            }
        }
        DisconnectWatch watch = new DisconnectWatch(endPoint, cancellation);
        watch.watch();
        return watch;
    }

    /** Whether a byte of the client's next request was read here (see the class comment). */
    boolean tookClientBytes() {
        return tookBytes;
    }

    private void watch() {
        if (endPoint == null || closed || !registered.compareAndSet(false, true)) {
            return;
        }
        if (!endPoint.tryFillInterested(new Readable())) {
            registered.set(false); // Jetty itself is reading: it will notice a close
        } else if (closed) {
            stopWatching(); // close() ran meanwhile and may not have seen this registration
        }
    }

    private void stopWatching() {
        if (registered.get() && endPoint instanceof AbstractEndPoint jettyEndPoint) {
            jettyEndPoint.getFillInterest().onFail(STOPPED);
        }
    }

    private final class Readable implements Callback {
        @Override
        public void succeeded() {
            registered.set(false);
            if (closed) {
                return;
            }
            try {
                ByteBuffer probe = ByteBuffer.allocate(1);
                probe.flip();
                int read = endPoint.fill(probe);
                if (read < 0) {
                    cancellation.cancel("the client closed the connection");
                } else if (read == 0) {
                    watch(); // woken without data: keep watching
                } else {
                    tookBytes = true;
                }
            } catch (IOException e) {
                cancellation.cancel(connectionLost(e));
            }
        }

        @Override
        public void failed(Throwable failure) {
            registered.set(false);
            if (!closed && failure != STOPPED) {
                cancellation.cancel(connectionLost(failure));
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING; // a one-byte read and a flag: fine on the selector thread
        }
    }

    private static String connectionLost(Throwable failure) {
        return failure.getMessage() == null ? "the connection failed" : "the connection failed: " + failure.getMessage();
    }

    /** Stops watching, so that Jetty can write the answer and read the next request. */
    @Override
    public void close() {
        closed = true;
        stopWatching();
    }
}
