package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Heapscope;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error is application/problem+json with the right status and a detail that helps. */
class ErrorsTest {

    static Heapscope heapscope;
    static Http http;

    @BeforeAll
    static void start() {
        heapscope = Heapscope.builder().port(0).maxSnapshots(2).start();
        http = new Http(heapscope.uri());
    }

    @AfterAll
    static void stop() {
        heapscope.close();
    }

    static void assertProblem(HttpResponse<String> response, int status, String type, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"urn:heapscope:problem:" + type + "\"")
                .contains("\"status\":" + status)
                .contains(detailPart)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void takeSnapshot_isBadRequest_whenNameIsInvalid() {
        assertProblem(http.post("/snapshots", "{\"name\":\"../etc\"}"), 400, "bad-request", "is invalid");
    }

    @Test
    void takeSnapshot_isBadRequest_whenBodyIsMalformedJson() {
        assertProblem(http.post("/snapshots", "{\"name\":"), 400, "bad-request", "not valid JSON");
    }

    @Test
    void takeSnapshot_isBadRequest_whenNameHasWrongType() {
        assertProblem(http.post("/snapshots", "{\"name\":[1,2]}"), 400, "bad-request", "name");
    }

    @Test
    void takeSnapshot_isBadRequest_whenBodyIsMissing() {
        assertProblem(http.post("/snapshots", null), 400, "bad-request", "name");
    }

    @Test
    void takeSnapshot_isUnsupportedMediaType_whenBodyIsNotJson() {
        assertProblem(http.post("/snapshots", "text/plain", "before"), 415, "unsupported-media-type", "application/json");
    }

    @Test
    void startTracing_isBadRequest_whenStackDepthOutOfRange() {
        assertProblem(http.post("/tracing/start", "{\"stackDepth\":65}"), 400, "bad-request", "65");
    }

    @Test
    void startTracing_isBadRequest_whenPropertyUnknown() {
        assertProblem(http.post("/tracing/start", "{\"depth\":5}"), 400, "bad-request", "unknown property 'depth'");
    }

    @Test
    void startTracing_isBadRequest_whenStackDepthIsText() {
        assertProblem(http.post("/tracing/start", "{\"stackDepth\":\"deep\"}"), 400, "bad-request", "stackDepth");
    }

    @Test
    void getSnapshot_isNotFound_whenUnknown() {
        assertProblem(http.get("/snapshots/nope"), 404, "not-found", "no snapshot named 'nope'");
    }

    @Test
    void deleteSnapshot_isNotFound_whenUnknown() {
        assertProblem(http.delete("/snapshots/nope"), 404, "not-found", "nope");
    }

    @Test
    void statistics_isBadRequest_whenGroupByUnknown() {
        assertProblem(http.get("/snapshots/any/statistics?groupBy=colour"), 400, "bad-request", "colour");
    }

    @Test
    void statistics_isBadRequest_whenLimitIsNotANumber() {
        assertProblem(http.get("/snapshots/any/statistics?limit=ten"), 400, "bad-request", "limit");
    }

    @Test
    void histogram_isBadRequest_whenLimitOutOfRange() {
        assertProblem(http.get("/heap/histogram?limit=0"), 400, "bad-request", "limit 0");
    }

    @Test
    void unknownPath_isNotFound_asProblem() {
        assertProblem(http.get("/no/such/thing"), 404, "not-found", "no such resource");
    }

    @Test
    void wrongMethod_isMethodNotAllowed_asProblem() {
        assertProblem(http.delete("/tracing"), 405, "method-not-allowed", "not allowed");
    }
}
