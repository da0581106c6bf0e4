package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.MemoryApi;
import dev.heapscope.client.model.Timeline;
import dev.heapscope.client.model.TimelineMark;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /memory/timeline over real HTTP: JSON through the generated client, the SVG plot, mprof's lines. */
class TimelineTest {

    static Heapscope heapscope;
    static Http http;

    @BeforeAll
    static void start() {
        heapscope = Heapscope.builder().port(0).start();
        http = new Http(heapscope.uri());
        assertThat(http.post("/tracing/start", "{}").statusCode()).isEqualTo(200);
        assertThat(http.post("/snapshots", "{\"name\":\"before\"}").statusCode()).isEqualTo(201);
        assertThat(http.post("/tracing/stop", null).statusCode()).isEqualTo(200);
        Deadline.within(Duration.ofSeconds(10)).until("two samples", () -> call().getPoints().size() >= 2);
    }

    @AfterAll
    static void stop() {
        heapscope.close();
    }

    @Test
    void json_holdsPointsCollectionsAndTheMarks() {
        Timeline timeline = call();

        assertThat(timeline.getPoints()).allMatch(p -> p.getHeapUsedBytes() > 0 && p.getResolutionSeconds() == 1);
        assertThat(timeline.getPools()).hasSameSizeAs(timeline.getPoints().get(0).getPoolUsedBytes());
        // the snapshot's full GC, at least
        assertThat(timeline.getCollections()).isNotEmpty();
        assertThat(timeline.getMarks()).extracting(TimelineMark::getKind).containsSubsequence(
                TimelineMark.KindEnum.TRACING_STARTED, TimelineMark.KindEnum.SNAPSHOT,
                TimelineMark.KindEnum.TRACING_STOPPED);
        assertThat(timeline.getCapacity().getBytesHeld()).isPositive();
    }

    @Test
    void svg_isAPlotWithTheSnapshotsName() throws Exception {
        HttpResponse<String> response = http.get("/memory/timeline?since=10m", "image/svg+xml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(response.body()).startsWith("<svg").contains(">before</text>").doesNotContain("<script");
        Path file = Path.of("target", "timeline.svg");
        Files.writeString(file, response.body());
    }

    @Test
    void text_isMprofLines_thatMprofItselfReads() throws Exception {
        HttpResponse<String> response = http.get("/memory/timeline", "text/plain");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("CMDLINE ").contains("\nMEM ").contains("\nFUNC snapshot:before ");

        String read = Python.run("mprof", """
                import sys, tempfile, mprof
                with tempfile.NamedTemporaryFile('w', suffix='.dat', delete=False) as f:
                    f.write(sys.stdin.read())
                p = mprof.read_mprofile_file(f.name)
                print(len(p['mem_usage']), len(p['timestamp']), sorted(p['func_timestamp']), min(p['mem_usage']) > 0)
                """, response.body());

        long memLines = response.body().lines().filter(l -> l.startsWith("MEM ")).count();
        assertThat(read.trim()).isEqualTo(memLines + " " + memLines + " ['snapshot:before', 'tracing'] True");
    }

    @Test
    void badSince_isAProblemSayingWhatItAccepts() {
        HttpResponse<String> response = http.get("/memory/timeline?since=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("urn:heapscope:problem:bad-request").contains("ISO-8601");
    }

    private static Timeline call() {
        try {
            return new MemoryApi(Clients.of(heapscope)).getTimeline(null, null, null);
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }
}
