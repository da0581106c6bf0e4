package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host is never harmed: run in child JVMs ({@link ChildService}) so that the test's own JVM is not
 * the one with a full heap, no JFR or no temp directory.
 */
class HostProtectionTest {

    private static final Duration START = Duration.ofSeconds(60);

    private static Http http(DemoProcess child) {
        return new Http(URI.create("http://127.0.0.1:" + child.awaitPort(START) + "/api/v1"));
    }

    @Test
    void heavyWork_isRefusedWith503_onAHeapFilledTo90Percent_andTheHostStaysFine() {
        try (DemoProcess child = DemoProcess.child(List.of("-Xmx128m", "-XX:+UseG1GC"), Map.of(),
                ChildService.class.getName())) {
            Http http = http(child);
            child.send("fill 91");
            child.awaitLine(Pattern.compile("filled (\\d+)%"), Duration.ofSeconds(60));

            List<HttpResponse<String>> refused = List.of(http.post("/snapshots", "{\"name\":\"full\"}"),
                    http.get("/heap/histogram"), http.get("/roots/root/size"),
                    http.get("/roots/root/backrefs?type=java.lang.String"), http.get("/roots/root/refs"),
                    http.post("/snapshots/import", "{\"format\":\"heapscope-snapshot\",\"version\":1}"));

            assertThat(refused).allSatisfy(r -> {
                ErrorsTest.assertProblem(r, 503, "unavailable", "% full after the last GC");
                assertThat(r.body()).contains("needs about").contains("MB");
                assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
            });
            assertThat(http.get("/tracing").statusCode()).isEqualTo(200);
            assertThat(http.get("/snapshots").statusCode()).isEqualTo(200);
            child.send("ping");
            child.awaitLine(Pattern.compile("pong 1024 3"), Duration.ofSeconds(30));
            assertThat(child.output()).doesNotContain("OutOfMemoryError");

            child.send("free");
            child.awaitLine(Pattern.compile("freed \\d+%"), Duration.ofSeconds(30));
            assertThat(http.post("/snapshots", "{\"name\":\"after\"}").statusCode()).isEqualTo(201);
            assertThat(child.isAlive()).isTrue();
        }
    }

    @Test
    void tracing_isUnavailable_whenJfrIsOff_andEverythingElseWorks() {
        try (DemoProcess child = DemoProcess.child(List.of("-XX:-FlightRecorder"), Map.of(),
                ChildService.class.getName())) {
            Http http = http(child);

            ErrorsTest.assertProblem(http.post("/tracing/start", "{}"), 503, "unavailable",
                    "tracing cannot start: JDK Flight Recorder is not available");
            assertEverythingElseWorks(http);
        }
    }

    /**
     * A temp directory below a regular file: no user, root included, can create it (JFR creates a missing
     * temp directory when it may, so a merely missing one proves nothing when tests run as root).
     */
    @Test
    void tracing_isUnavailable_withoutAWritableTempDirectory_andEverythingElseWorks(@TempDir Path scratch)
            throws IOException {
        String tmpdir = Files.createFile(scratch.resolve("a-file")).resolve("heapscope-test").toString();
        try (DemoProcess child = DemoProcess.child(List.of("-Djava.io.tmpdir=" + tmpdir), Map.of(),
                ChildService.class.getName())) {
            Http http = http(child);

            ErrorsTest.assertProblem(http.post("/tracing/start", "{}"), 503, "unavailable", "tracing cannot start");
            assertThat(http.post("/tracing/start", "{}").body()).contains(tmpdir);
            assertEverythingElseWorks(http);
        }
    }

    private static void assertEverythingElseWorks(Http http) {
        assertThat(http.get("/tracing").body()).contains("\"tracing\":false");
        assertThat(http.post("/snapshots", "{\"name\":\"without-tracing\"}").statusCode()).isEqualTo(201);
        assertThat(http.get("/snapshots/without-tracing/statistics?groupBy=type").statusCode()).isEqualTo(200);
        assertThat(http.get("/heap/histogram").statusCode()).isEqualTo(200);
        assertThat(http.get("/roots/root/size").statusCode()).isEqualTo(200);
    }

    @Test
    void accessToken_isReadFromAnEnvironmentVariable() {
        String token = "env-token-0123456789abcdef";
        try (DemoProcess child = DemoProcess.child(List.of("-Dchild.tokenEnv=HEAPSCOPE_TEST_TOKEN"),
                Map.of("HEAPSCOPE_TEST_TOKEN", token), ChildService.class.getName())) {
            URI api = URI.create("http://127.0.0.1:" + child.awaitPort(START) + "/api/v1");

            assertThat(new Http(api).get("/tracing").statusCode()).isEqualTo(401);
            assertThat(new Http(api, token).get("/tracing").statusCode()).isEqualTo(200);
            assertThat(child.output()).doesNotContain(token);
        }
    }
}
