package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heapscope.Heapscope;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests no well-behaved client sends, over raw sockets: each gets an answer (never a connection closed
 * without one), with the right status, as application/problem+json with a stable type.
 */
class HostileRequestsTest {

    static Heapscope heapscope;
    static int port;

    @BeforeAll
    static void start() {
        heapscope = Heapscope.builder().port(0).jmx(false).start();
        port = heapscope.port();
    }

    @AfterAll
    static void stop() {
        heapscope.close();
    }

    static void assertProblem(RawHttp.Answer answer, int status, String type) {
        assertThat(answer.answered()).as(answer.toString()).isTrue();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"urn:heapscope:problem:" + type + "\"")
                .contains("\"status\":" + status).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static RawHttp.Answer send(String method, String target, String body, String... headers) {
        return RawHttp.send(port, RawHttp.request(method, target, body, headers));
    }

    @Test
    void malformedJsonBody_isBadRequest() {
        assertProblem(send("POST", "/api/v1/snapshots", "{\"name\":", "Content-Type: application/json"),
                400, "bad-request");
        assertProblem(send("POST", "/api/v1/tracing/start", "{]]]]", "Content-Type: application/json"),
                400, "bad-request");
    }

    @Test
    void deeplyNestedJsonBody_isBadRequest() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        assertProblem(send("POST", "/api/v1/tracing/start", nested, "Content-Type: application/json"),
                400, "bad-request");
    }

    @Test
    void undeclaredMethodOnDeclaredPath_isMethodNotAllowed() {
        assertProblem(send("PATCH", "/api/v1/tracing", "{}", "Content-Type: application/json"),
                405, "method-not-allowed");
        assertProblem(send("FOO", "/api/v1/snapshots", null), 405, "method-not-allowed");
        assertProblem(send("PUT", "/api/v1/snapshots/any", "{\"name\":\"x\"}", "Content-Type: application/json"),
                405, "method-not-allowed");
    }

    @Test
    void dotDotSegments_areAnsweredAsProblems() {
        assertProblem(send("GET", "/api/v1/snapshots/../tracing", null), 404, "not-found");
        assertProblem(send("GET", "/api/v1/snapshots/%2e%2e/tracing", null), 400, "bad-request");
        assertProblem(send("GET", "/../../etc/passwd", null), 400, "bad-request");
        assertProblem(send("GET", "/api/v1/snapshots/a%2Fb", null), 400, "bad-request");
    }

    @Test
    void hugeUri_isUriTooLong() {
        assertProblem(send("GET", "/api/v1/snapshots/" + "a".repeat(20_000), null), 414, "uri-too-long");
    }

    @Test
    void hugeHeaders_areHeadersTooLarge() {
        assertProblem(send("GET", "/api/v1/tracing", null, "X-Padding: " + "b".repeat(20_000)),
                431, "headers-too-large");
    }

    @Test
    void bodyOver64KiB_isTooLarge() {
        String body = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(send("POST", "/api/v1/snapshots", body, "Content-Type: application/json"), 413, "too-large");
    }

    @Test
    void chunkedBodyOver64KiB_isTooLarge() {
        String chunk = "x".repeat(8192);
        StringBuilder raw = new StringBuilder("POST /api/v1/snapshots HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < 10; i++) {
            raw.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        raw.append("0\r\n\r\n");
        assertProblem(RawHttp.send(port, raw.toString()), 413, "too-large");
    }

    @Test
    void hugeDeclaredBody_isTooLarge_withoutBeingRead() {
        RawHttp.Answer answer = RawHttp.send(port, "POST /api/v1/snapshots HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{\"name\":");
        assertProblem(answer, 413, "too-large");
        assertThat(answer.header("Connection")).isEqualTo("close");
    }

    @Test
    void malformedAccept_isBadRequest() {
        assertProblem(send("GET", "/api/v1/tracing", null, "Accept: ;;;"), 400, "bad-request");
    }

    @Test
    void malformedHeaderLine_isBadRequest() {
        assertProblem(RawHttp.send(port, "GET /api/v1/tracing HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n"),
                400, "bad-request");
    }

    @Test
    void malformedRequestLine_isBadRequest() {
        assertProblem(RawHttp.send(port, "GARBAGE\r\n\r\n"), 400, "bad-request");
        assertProblem(RawHttp.send(port, "GET /api/v1/tracing HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"), 505,
                "http-version-not-supported");
    }

    @Test
    void badPercentEncoding_isBadRequest() {
        assertProblem(send("GET", "/api/v1/snapshots/%zz", null), 400, "bad-request");
    }

    @Test
    void badRequest_sendsConnectionClose_soTheClientDoesNotReuseIt() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/v1/snapshots/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /api/v1/tracing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(answer.header("Connection")).isEqualTo("close");
    }

    @Test
    void delete_withAcceptJson_succeeds() {
        heapscope.snapshots().take("to-delete");
        RawHttp.Answer answer = send("DELETE", "/api/v1/snapshots/to-delete", null, "Accept: application/json");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    }

    @Test
    void openapiYaml_withAcceptJson_succeeds() {
        RawHttp.Answer answer = send("GET", "/api/v1/openapi.yaml", null, "Accept: application/json");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/yaml");
    }


    @Test
    void openapiJson_isTheSameDocumentAsTheYaml() throws IOException {
        Http http = new Http(heapscope.uri());
        HttpResponse<String> yaml = http.get("/openapi.yaml");
        HttpResponse<String> json = http.send(http.request("/openapi.json").header("Accept", "application/json")
                .GET());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/json"));
        JsonNode fromYaml = new ObjectMapper(new YAMLFactory()).readTree(yaml.body());
        JsonNode fromJson = new ObjectMapper().readTree(json.body().getBytes(StandardCharsets.UTF_8));
        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(fromJson.at("/paths/~1openapi.json/get/operationId").asText()).isEqualTo("getContractJson");
    }

    @Test
    void everyEndpoint_answersAcceptJson_exceptWithA406() {
        Http http = new Http(heapscope.uri());
        for (String path : new String[] {"/tracing", "/snapshots", "/roots", "/openapi.yaml", "/openapi.json",
                "/layout?class=java.lang.String"}) {
            HttpResponse<String> response = http.send(http.request(path).header("Accept", "application/json").GET());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        }
        HttpResponse<String> post = http.send(http.request("/tracing/reset-peak").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
    }
}
