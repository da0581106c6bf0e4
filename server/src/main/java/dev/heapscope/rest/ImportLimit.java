package dev.heapscope.rest;

import dev.heapscope.HeapHeadroom;
import dev.heapscope.snapshot.SnapshotDocument;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds the body of {@code POST /snapshots/import} to {@link SnapshotDocument#MAX_BYTES}: a larger
 * Content-Length is refused before anything is read, and a body without one is cut off when it passes the
 * bound; both are 413 problems. A snapshot at heapscope's own bounds exports well below it. A document whose
 * length is announced is also refused (503) when the host's heap has no room to parse it, as heavy work is.
 */
final class ImportLimit implements ContainerRequestFilter {

    /**
     * What parsing a document holds at once, per byte of it: the JSON tree is 4.4 times the document and the
     * snapshot read from it allocates 3.7 times more (measured on a 6 MB export of 20,000 64-frame records).
     */
    static final int PARSE_BYTES_PER_BYTE = 8;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().endsWith("snapshots/import")) {
            return;
        }
        if (request.getLength() > SnapshotDocument.MAX_BYTES) {
            throw tooLarge();
        }
        if (request.getLength() > 0) {
            HeapHeadroom.require("importing a snapshot document of " + Math.max(1, request.getLength() >> 20)
                    + " MB", (long) request.getLength() * PARSE_BYTES_PER_BYTE, null);
        }
        request.setEntityStream(new Bounded(request.getEntityStream()));
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException("a snapshot document is at most " + SnapshotDocument.MAX_BYTES / (1024 * 1024)
                + " MiB; this one is larger", 413);
    }

    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > SnapshotDocument.MAX_BYTES) {
                throw tooLarge();
            }
        }
    }
}
