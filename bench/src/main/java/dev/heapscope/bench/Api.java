package dev.heapscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * heapscope's REST API on loopback, for the measurements that drive it as an operator would. Each call is a
 * blocking {@link HttpURLConnection} on the calling thread, its keep-alive connection reused by the next call
 * of that thread, as 50 separate curl-like clients would; no selector thread or executor of the measuring
 * side stands between a request and its answer.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 120_000;

    static {
        // the JDK keeps 5 idle connections per server by default: 50 clients would mostly connect anew
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "100");
        }
    }

    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    /** One answer: status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Answer get(String path) throws IOException {
        return send("GET", path, null);
    }

    Answer post(String path, String json) throws IOException {
        return send("POST", path, json);
    }

    Answer delete(String path) throws IOException {
        return send("DELETE", path, null);
    }

    private Answer send(String method, String path, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) base.resolve(base.getPath() + path).toURL()
                .openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestProperty("Accept", "application/json");
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        } else if (method.equals("POST")) {
            connection.setFixedLengthStreamingMode(0);
            connection.setDoOutput(true);
            connection.getOutputStream().close();
        }
        int status = connection.getResponseCode();
        // read the body to its end and close it, so that the connection goes back to the keep-alive cache
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (body == null) {
            return new Answer(status, "");
        }
        try (body) {
            return new Answer(status, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
