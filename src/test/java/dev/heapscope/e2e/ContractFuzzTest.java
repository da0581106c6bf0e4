package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.Heapscope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A few thousand requests derived from the contract (every path, every method declared or not, path
 * parameters, query parameters and bodies malformed in many ways, odd Accept headers), on one keep-alive
 * client and on raw sockets. Each must get an answer, never a connection closed without one, never a 5xx
 * and never a CORS header; every error must be a problem.
 */
class ContractFuzzTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
            "TRACE", "FOO");
    private static final List<String> NAMES = List.of("keep", "small", "nope", "..", "%2e%2e", "a%2Fb", "%C3%A9",
            "%00", "%20", "x".repeat(300), "-", "a.b", "%zz", "a;b", "a?b=c");
    private static final List<String> VALUES = List.of("abc", "-1", "0", "99999999999999999999", "", "1.5", "%00",
            "true", "none,all", "%zz", "x".repeat(2000));
    private static final List<String> BODIES = List.of("", "{", "[]", "null", "\"x\"", "{\"name\":1}",
            "{\"name\":\"fuzz\"}", "{\"stackDepth\":-5}", "{\"stackDepth\":1e99}", "{\"unknown\":true}",
            "[".repeat(3000) + "]".repeat(3000), "{\"name\":\"" + "y".repeat(70_000) + "\"}", "\u0000\u0001",
            "{\"name\":\"\\ud800\"}");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/plain", "application/yaml",
            "application/json;q=0", "text/vnd.graphviz", "application/problem+json", "image/png",
            "application/json, text/plain;q=0.5", "application/*");

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void everyDerivedRequest_getsASuccessOrAProblem_neverAClosedConnection_nor5xx() throws IOException {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).maxSnapshots(1).start()) {
            // a full store makes every snapshot request a cheap 409; a tiny root makes every walk cheap
            heapscope.snapshots().take("keep");
            List<Object> small = new ArrayList<>(List.of("a", "b"));
            heapscope.register("small", small);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            JsonNode contract = new ObjectMapper().readTree(new Http(heapscope.uri()).get("/openapi.json").body());

            for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                fuzzPath(heapscope, client, path.getKey(), path.getValue());
            }
            assertThat(small).hasSize(2);
        }
        assertThat(sent).isGreaterThan(2_000);
        assertThat(failures).as(failures.size() + " of " + sent + " requests failed; the first: "
                + failures.subList(0, Math.min(20, failures.size()))).isEmpty();
    }

    private void fuzzPath(Heapscope heapscope, HttpClient client, String template, JsonNode operations) {
        String base = heapscope.uri().toString();
        for (String method : METHODS) {
            JsonNode operation = operations.path(method.toLowerCase());
            boolean declared = !operation.isMissingNode();
            for (String name : NAMES) {
                String path = template.replace("{name}", name).replace("{baseline}", "keep");
                if (costsAGcWhenValid(template, method, name)) {
                    continue;
                }
                check(client, base, method, path, null, null);
            }
            if (!declared) {
                continue;
            }
            String path = template.replace("{name}", template.startsWith("/roots") ? "small" : "keep")
                    .replace("{baseline}", "keep");
            for (String parameter : queryParameters(operation)) {
                for (String value : VALUES) {
                    check(client, base, method, path + "?" + parameter + "=" + value, null, null);
                    check(client, base, method, path + "?" + parameter + "=" + value + "&" + parameter + "=2", null,
                            null);
                }
            }
            check(client, base, method, path + "?unknown=1", null, null);
            if (!template.equals("/heap/histogram")) {
                for (String accept : ACCEPTS) {
                    check(client, base, method, path, accept, null);
                }
            }
            if (method.equals("POST") && !costsAGcWhenValid(template, method, "")) {
                for (String body : BODIES) {
                    check(client, base, method, path, null, body);
                }
            }
        }
    }

    // a valid histogram, a deleted "keep" or a started leak watch would make the fuzzing take full GCs: those
    // are tested elsewhere
    private static boolean costsAGcWhenValid(String template, String method, String name) {
        return template.equals("/heap/histogram") && method.equals("GET")
                || method.equals("DELETE") && name.equals("keep")
                || template.equals("/watch/start") && method.equals("POST");
    }

    private static Set<String> queryParameters(JsonNode operation) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String ref = parameter.path("$ref").asText("");
            if (!ref.isEmpty()) {
                names.add(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (parameter.path("in").asText().equals("query")) {
                names.add(parameter.path("name").asText());
            }
        }
        // components are named after the parameter, capitalised (Limit -> limit, MaxObjects -> maxObjects)
        Set<String> query = new LinkedHashSet<>();
        for (String n : names) {
            if (!n.equals("SnapshotName") && !n.equals("RootName")) {
                query.add(Character.toLowerCase(n.charAt(0)) + n.substring(1));
            }
        }
        return query;
    }

    private void check(HttpClient client, String base, String method, String path, String accept, String body) {
        sent++;
        String what = method + " " + path.substring(0, Math.min(path.length(), 120)) + (accept == null ? ""
                : " Accept: " + accept) + (body == null ? "" : " body " + body.substring(0, Math.min(body.length(), 40)));
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            uri = null; // not a URI java.net.http would send: the raw socket sends it as it is
        }
        if (uri == null || method.equals("TRACE") || method.equals("FOO")) {
            checkRaw(base, method, path, accept, body, what);
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            verify(what, method, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            failures.add(what + ": no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void checkRaw(String base, String method, String path, String accept, String body, String what) {
        URI api = URI.create(base);
        List<String> headers = new ArrayList<>();
        if (accept != null) {
            headers.add("Accept: " + accept);
        }
        if (body != null) {
            headers.add("Content-Type: application/json");
        }
        RawHttp.Answer answer = RawHttp.send(api.getPort(), RawHttp.request(method, api.getPath() + path, body,
                headers.toArray(String[]::new)));
        if (!answer.answered()) {
            failures.add(what + ": " + answer.failure());
            return;
        }
        Map<String, List<String>> map = new java.util.HashMap<>();
        answer.headers().forEach((k, v) -> map.put(k, List.of(v)));
        verify(what, method, answer.status(), HttpHeaders.of(map, (a, b) -> true), answer.body());
    }

    private void verify(String what, String method, int status, HttpHeaders headers, String body) {
        if (status >= 500) {
            failures.add(what + ": " + status + " " + body);
        }
        if (headers.map().keySet().stream().anyMatch(h -> h.toLowerCase().startsWith("access-control-"))) {
            failures.add(what + ": sent CORS headers " + headers.map());
        }
        if (status >= 400) {
            String type = headers.firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(what + ": " + status + " as '" + type + "': " + body);
            } else if (!method.equals("HEAD") && !body.contains("\"type\":\"urn:heapscope:problem:")) {
                failures.add(what + ": " + status + " without a problem type: " + body);
            }
        }
    }
}
