package dev.heapscope.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every request passes before any resource runs, whatever its path: a body of at most
 * {@value #MAX_BODY_BYTES} bytes (read here in full; a snapshot import excepted), a {@code Host} that names this heapscope
 * (421 otherwise), no cross-site browser request (403), and an {@code Accept} header that parses (400).
 * Refusals are problem+json, and the request's body is drained first (up to {@value #DRAIN_LIMIT_BYTES}
 * bytes) so that the client reads the answer instead of a reset connection.
 */
final class RequestGate extends Handler.Wrapper {

    /** The largest request body accepted; heapscope's bodies are a few hundred bytes of JSON. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** How much of a refused body is read and discarded before answering; past it the connection closes. */
    static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

    private final HostPolicy hosts;
    private final String streamedPath;

    /**
     * @param streamedPath the one path whose POST body is not read here (a snapshot import: up to
     *                     {@code SnapshotDocument.MAX_BYTES}, bounded by {@link ImportLimit} as it is read)
     */
    RequestGate(HostPolicy hosts, String streamedPath, Handler next) {
        this.hosts = hosts;
        this.streamedPath = streamedPath;
        setHandler(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean streamed = request.getMethod().equals("POST") && streamedPath.equals(request.getHttpURI().getPath());
        Body body = streamed ? Body.STREAMED : readBody(request);
        if (body.refusal() != null) {
            RawProblems.write(response, callback, body.status(), body.refusal(), body.closeConnection());
            return true;
        }
        HttpFields headers = request.getHeaders();
        if (!hosts.allowsHost(headers.get(HttpHeader.HOST))) {
            RawProblems.write(response, callback, 421, "this heapscope does not answer to the host name '"
                    + HostPolicy.hostOf(headers.get(HttpHeader.HOST)) + "' (a defence against DNS rebinding); use"
                    + " the address it listens on or localhost, or allow the name with Heapscope.builder()"
                    + ".allowedHosts(...)", false);
            return true;
        }
        String crossSite = hosts.crossSiteReason(headers.get(HttpHeader.ORIGIN), headers.get("Sec-Fetch-Site"),
                Request.getLocalPort(request));
        if (crossSite != null) {
            RawProblems.write(response, callback, 403, crossSite, false);
            return true;
        }
        String accept;
        try {
            accept = AcceptHeader.normalize(String.join(", ", headers.getValuesList(HttpHeader.ACCEPT)));
        } catch (AcceptHeader.Malformed e) {
            RawProblems.write(response, callback, 400, e.getMessage(), false);
            return true;
        }
        HttpFields.Mutable rewritten = HttpFields.build(headers);
        if (accept != null && !accept.isEmpty()) {
            rewritten.put(HttpHeader.ACCEPT, accept);
        }
        return super.handle(new BufferedRequest(request, rewritten.asImmutable(), body.bytes()), response, callback);
    }

    /** A body read in full, or why it was refused. */
    private record Body(ByteBuffer bytes, int status, String refusal, boolean closeConnection) {
        static final Body NONE = new Body(ByteBuffer.allocate(0), 200, null, false);
        static final Body STREAMED = new Body(null, 200, null, false);

        static Body refused(int status, String why, boolean close) {
            return new Body(null, status, why, close);
        }
    }

    private static Body readBody(Request request) {
        HttpFields headers = request.getHeaders();
        boolean chunked = headers.contains(HttpHeader.TRANSFER_ENCODING);
        long declared = request.getLength();
        if (!chunked && declared <= 0) {
            return Body.NONE;
        }
        String tooLarge = "the request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB, the most heapscope"
                + " accepts (its requests are small JSON objects)";
        if (declared > DRAIN_LIMIT_BYTES) {
            return Body.refused(413, tooLarge, true);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] buffer = new byte[MAX_BODY_BYTES + 1];
            int filled = fill(in, buffer);
            if (filled <= MAX_BODY_BYTES) {
                return new Body(ByteBuffer.wrap(Arrays.copyOf(buffer, filled)), 200, null, false);
            }
            return Body.refused(413, tooLarge, !drained(in, buffer));
        } catch (IOException e) {
            // a malformed chunked body or a client that went away mid-body
            return Body.refused(400, "the request body could not be read: " + e.getMessage(), true);
        }
    }

    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    /** Reads and discards the rest of a refused body; whether its end was reached within the drain limit. */
    private static boolean drained(InputStream in, byte[] scratch) throws IOException {
        long discarded = MAX_BODY_BYTES;
        while (discarded <= DRAIN_LIMIT_BYTES) {
            int n = in.read(scratch);
            if (n < 0) {
                return true;
            }
            discarded += n;
        }
        return false;
    }
}
