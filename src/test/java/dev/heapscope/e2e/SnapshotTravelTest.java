package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.leaky.StaticMapLeak;
import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.SnapshotRequest;
import dev.heapscope.client.model.SnapshotSummary;
import dev.heapscope.client.model.TracingSettings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots that travel: exported from one heapscope ("production") and imported into another ("a laptop"),
 * they compare exactly as they did; bad documents are refused saying why; the running recording streams as
 * a JFR file.
 */
class SnapshotTravelTest {

    static Heapscope production;
    static Heapscope laptop;
    static SnapshotsApi there;
    static SnapshotsApi here;

    @BeforeAll
    static void takeSnapshotsInProductionAndCarryThemOver() throws ApiException {
        production = Heapscope.builder().port(0).start();
        laptop = Heapscope.builder().port(0).start();
        there = new SnapshotsApi(Clients.of(production));
        here = new SnapshotsApi(Clients.of(laptop));
        production.register("leak", new ArrayList<>(List.of(new byte[100])));
        // a high rate: the leak below is a burst of a few milliseconds
        new TracingApi(Clients.of(production)).startTracing(new TracingSettings().allocationSamplesPerSecond(10_000));
        there.takeSnapshot(new SnapshotRequest().name("before"));
        StaticMapLeak.leak(2000);
        there.takeSnapshot(new SnapshotRequest().name("after"));
        for (String name : List.of("before", "after")) {
            here.importSnapshot(there.exportSnapshot(name), null);
        }
    }

    @AfterAll
    static void stop() {
        StaticMapLeak.release();
        laptop.close();
        production.close();
    }

    @Test
    void imported_comparesExactlyAsTheOriginal_byEveryGroupAndView() throws ApiException {
        for (String groupBy : List.of("line", "method", "file", "type", "traceback", "root")) {
            for (String view : List.of("allocated", "live")) {
                for (boolean cumulative : groupBy.matches("line|method|file") ? List.of(false, true) : List.of(false)) {
                    assertThat(here.compareSnapshots("after", "before", groupBy, view, cumulative, 1000, null))
                            .as(groupBy + " " + view + " cumulative=" + cumulative)
                            .isEqualTo(there.compareSnapshots("after", "before", groupBy, view, cumulative, 1000, null));
                    assertThat(here.getStatistics("after", groupBy, view, cumulative, 1000, null))
                            .isEqualTo(there.getStatistics("after", groupBy, view, cumulative, 1000, null));
                }
            }
        }
        assertThat(here.getLeaks("after", 1000)).isEqualTo(there.getLeaks("after", 1000));
        assertThat(here.compareLeaks("after", "before", 1000)).isEqualTo(there.compareLeaks("after", "before", 1000));
        assertThat(here.getSnapshot("after")).isEqualTo(there.getSnapshot("after"));
    }

    @Test
    void imported_keepsWhatMakesTheComparisonMeaningful() throws ApiException {
        SnapshotSummary after = here.getSnapshot("after");

        assertThat(after.getTracing()).isTrue();
        assertThat(after.getAllocationSamples()).isPositive();
        // exact, so not at the mercy of JFR's sampling on a loaded machine: the 2,000 leaked byte[1000]
        assertThat(here.compareSnapshots("after", "before", "type", "live", false, 10, null).getEntries())
                .anyMatch(e -> e.getKey().equals("byte[]") && e.getCountDiff() >= 2000);
    }

    @Test
    void import_takesANewName_whenGivenOne() throws ApiException {
        SnapshotSummary copy = here.importSnapshot(there.exportSnapshot("after"), "after-copy");

        assertThat(copy.getName()).isEqualTo("after-copy");
        assertThat(copy.getHeap()).isEqualTo(there.getSnapshot("after").getHeap());
        here.deleteSnapshot("after-copy");
    }

    @Test
    void import_refusesDocumentsThatAreNotSnapshots_sayingWhy() {
        Http http = new Http(laptop.uri());
        assertProblem(http.post("/snapshots/import", "{not json"), 400, "not valid JSON");
        assertProblem(http.post("/snapshots/import", "{\"format\":\"pprof\",\"version\":1}"), 400,
                "its format is 'pprof', expected 'heapscope-snapshot'");
        assertProblem(http.post("/snapshots/import", "{\"format\":\"heapscope-snapshot\",\"version\":2}"), 400,
                "version 2 is not supported");
        assertProblem(http.post("/snapshots/import", "{\"format\":\"heapscope-snapshot\",\"version\":1,"
                + "\"snapshot\":{\"name\":\"x\",\"takenAt\":\"2025-01-31T12:00:00Z\",\"tracing\":false}}"), 400,
                "field 'snapshot.allocations' is missing");
        assertProblem(http.post("/snapshots/import?name=bad%20name", "{}"), 400, "snapshot name 'bad name' is invalid");
    }

    @Test
    @SuppressWarnings("unchecked")
    void import_refusesWhatNoSnapshotTakenHoldsItself_sayingWhichFieldAndTheBound() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String exported = json.writeValueAsString(there.exportSnapshot("after"));
        Http http = new Http(laptop.uri());

        // a traceback deeper than tracing records: 65 frames (a 64 MiB document could hold millions)
        java.util.Map<String, Object> deep = json.readValue(exported, java.util.Map.class);
        List<Object> records = (List<Object>) ((java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                deep.get("snapshot")).get("allocations")).get("records");
        ((java.util.Map<String, Object>) records.get(0)).put("traceback", java.util.Collections.nCopies(65, 0));
        assertProblem(http.post("/snapshots/import?name=deep", json.writeValueAsString(deep)), 400,
                "field 'allocations.records[].traceback' has 65 entries, at most 64");

        // more live objects than tracing keeps between two snapshots
        java.util.Map<String, Object> crowded = json.readValue(exported, java.util.Map.class);
        java.util.Map<String, Object> snapshot = (java.util.Map<String, Object>) crowded.get("snapshot");
        Object one = ((List<Object>) snapshot.get("liveObjects")).get(0);
        snapshot.put("liveObjects", java.util.Collections.nCopies(4097, one));
        assertProblem(http.post("/snapshots/import?name=crowded", json.writeValueAsString(crowded)), 400,
                "field 'liveObjects' has 4097 entries, at most 4096");

        assertThat(here.listSnapshots().getSnapshots()).extracting(SnapshotSummary::getName).doesNotContain("deep", "crowded");
    }

    @Test
    void import_refusesADocumentOverTheBound_with413() {
        Http http = new Http(laptop.uri());
        long size = 65L * 1024 * 1024;
        HttpResponse<String> response = http.send(http.request("/snapshots/import")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Blanks(size))));

        assertProblem(response, 413, "at most 64 MiB");
    }

    @Test
    void recording_streamsTheRunningRecording_asAJfrFileThatJfrReads() throws Exception {
        File jfr = new TracingApi(Clients.of(production)).getRecording();
        try {
            List<String> types = new ArrayList<>();
            try (RecordingFile file = new RecordingFile(jfr.toPath())) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    types.add(event.getEventType().getName());
                }
            }
            assertThat(types).contains("jdk.ObjectAllocationSample");

            Process summary = new ProcessBuilder(System.getProperty("java.home") + "/bin/jfr", "summary",
                    jfr.getPath()).redirectErrorStream(true).start();
            String output = new String(summary.getInputStream().readAllBytes());
            assertThat(summary.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(summary.exitValue()).as(output).isZero();
            assertThat(output).contains("jdk.ObjectAllocationSample");
        } finally {
            Files.deleteIfExists(jfr.toPath());
        }
    }

    @Test
    void recording_isAConflict_whenNotTracing() {
        assertThatThrownBy(() -> new TracingApi(Clients.of(laptop)).getRecording())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("urn:heapscope:problem:conflict").contains("not tracing");
                });
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains(detail);
    }

    /** {@code [} followed by blanks: JSON that a parser reads on without keeping anything, until the bound. */
    private static final class Blanks extends InputStream {
        private final long size;
        private long sent;

        Blanks(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return sent < size ? (sent++ == 0 ? '[' : ' ') : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (sent >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - sent);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (sent++ == 0 ? '[' : ' ');
            }
            return n;
        }
    }

}
