package dev.heapscope.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: malformed request lines and
 * headers, a foreign Host, bodies that lie about their length. Tells an answer from a connection closed
 * without one.
 */
final class RawHttp {

    private static final int TIMEOUT_MS = 30_000;

    private RawHttp() {
    }

    /** One answer, or none: {@code status} is -1 when the connection closed (or timed out) before a status line. */
    record Answer(int status, Map<String, String> headers, String body, String failure) {
        boolean answered() {
            return status > 0;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return answered() ? status + " " + headers + " " + body : "no answer: " + failure;
        }
    }

    /** A request line, headers (each "Name: value") and an optional body, with Host and Content-Length filled in. */
    static String request(String method, String target, String body, String... headers) {
        StringBuilder r = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            host |= h.regionMatches(true, 0, "Host:", 0, 5);
            r.append(h).append("\r\n");
        }
        if (!host) {
            r.append("Host: 127.0.0.1\r\n");
        }
        if (body != null) {
            r.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        r.append("Connection: close\r\n\r\n");
        if (body != null) {
            r.append(body);
        }
        return r.toString();
    }

    /** Sends raw bytes on a new connection and reads one answer. */
    static Answer send(int port, String raw) {
        return send(port, raw.getBytes(StandardCharsets.UTF_8));
    }

    static Answer send(int port, byte[] raw) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(raw);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading all of a request it refuses: read the answer
            }
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), "", "timed out after " + TIMEOUT_MS + " ms");
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "", e.toString());
        }
    }

    /** Reads one response: status line, headers, and a body of Content-Length bytes (or to the end). */
    static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            return new Answer(-1, Map.of(), "", "closed without an answer (read '" + statusLine + "')");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        if (status < 200 || status == 204 || status == 304) {
            return new Answer(status, headers, "", null);
        }
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), null);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
