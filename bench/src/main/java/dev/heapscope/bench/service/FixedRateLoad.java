package dev.heapscope.bench.service;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load at a fixed rate: {@code connections} keep-alive HTTP/1.1 connections on loopback, each
 * on its own thread, sending at fixed times (connection {@code c} sends request {@code k} at
 * {@code start + (k * connections + c) / rate}) whatever the server's pace. A request's latency counts from
 * the time it was due, not from when it went out, so a server that falls behind is charged for the
 * requests waiting behind the slow one (no coordinated omission). Samples go to the current
 * {@link Window}; {@link #next()} starts a new one.
 */
final class FixedRateLoad implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 10_000;

    private final int port;
    private final double rate;
    private final int connections;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Window> window;
    private volatile boolean running = true;

    FixedRateLoad(int port, double rate, int connections) {
        this.port = port;
        this.rate = rate;
        this.connections = connections;
        this.window = new AtomicReference<>(new Window(connections));
    }

    void start() {
        long start = System.nanoTime() + 10_000_000L;
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread thread = new Thread(() -> run(connection, start), "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Ends the current window and starts the next; returns the ended one. */
    Window next() {
        Window ended = window.getAndSet(new Window(connections));
        ended.end();
        return ended;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(READ_TIMEOUT_MS * 2L);
        }
    }

    private void run(int connection, long start) {
        long period = Math.round(connections * 1e9 / rate);
        long due = start + Math.round(connection * 1e9 / rate);
        int k = 0;
        Connection open = null;
        while (running) {
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            try {
                if (open == null) {
                    open = new Connection(port);
                }
                open.exchange(request(connection, k++));
                window.get().record(connection, System.nanoTime() - due);
            } catch (IOException | RuntimeException e) {
                window.get().error(connection);
                if (open != null) {
                    open.close();
                }
                open = null;
            }
            due += period;
        }
        if (open != null) {
            open.close();
        }
    }

    private static byte[] request(int connection, int k) {
        int n = k * 31 + connection * 17;
        return ("GET /search?category=" + (n % Catalog.CATEGORIES) + "&page=" + (n % 10) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nUser-Agent: heapscope-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One keep-alive connection with its buffered input. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        /** Sends one request and reads its whole response (status 200 and a Content-Length, else an error). */
        void exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException("unexpected status: " + status);
            }
            long length = -1;
            for (String header; !(header = line()).isEmpty(); ) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(header.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length");
            }
            for (long left = length; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new EOFException();
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
