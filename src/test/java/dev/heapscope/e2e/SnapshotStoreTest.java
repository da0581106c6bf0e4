package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiClient;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.HeapApi;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.model.Histogram;
import dev.heapscope.client.model.SnapshotRequest;
import dev.heapscope.client.model.SnapshotSummary;
import dev.heapscope.client.model.StatisticsReport;
import java.net.http.HttpResponse;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshots without tracing, the store's bound and names, through the generated client. */
class SnapshotStoreTest {

    Heapscope heapscope;
    SnapshotsApi snapshots;
    Http http;

    @BeforeEach
    void start() {
        heapscope = Heapscope.builder().port(0).maxSnapshots(2).start();
        ApiClient client = Clients.of(heapscope);
        snapshots = new SnapshotsApi(client);
        http = new Http(heapscope.uri());
    }

    @AfterEach
    void stop() {
        heapscope.close();
    }

    @Test
    void takeSnapshot_withoutTracing_holdsHistogram_andSaysSiteViewsAreEmpty() throws Exception {
        SnapshotSummary s = snapshots.takeSnapshot(new SnapshotRequest().name("cold"));

        assertThat(s.getTracing()).isFalse();
        assertThat(s.getHistogramClasses()).isPositive();
        assertThat(s.getHeap().getLiveBytes()).isPositive();
        assertThat(s.getNotes()).anySatisfy(n -> assertThat(n).contains("tracing was off"));
        StatisticsReport byLine = snapshots.getStatistics("cold", "line", "allocated", false, 10, null);
        assertThat(byLine.getEntries()).isEmpty();
        assertThat(byLine.getNotes()).anySatisfy(n -> assertThat(n).contains("site views are empty"));
        StatisticsReport byType = snapshots.getStatistics("cold", "type", "live", false, 10, null);
        assertThat(byType.getEntries()).hasSize(10);
    }

    @Test
    void takeSnapshot_returnsCreated_withLocation() {
        HttpResponse<String> created = http.post("/snapshots", "{\"name\":\"located\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(heapscope.uri() + "/snapshots/located");
        assertThat(http.get("/snapshots/located").statusCode()).isEqualTo(200);
    }

    @Test
    void takeSnapshot_conflicts_whenStoreIsFull_andDeleteMakesRoom() throws Exception {
        snapshots.takeSnapshot(new SnapshotRequest().name("a"));
        snapshots.takeSnapshot(new SnapshotRequest().name("b"));

        HttpResponse<String> full = http.post("/snapshots", "{\"name\":\"c\"}");
        ErrorsTest.assertProblem(full, 409, "conflict", "store is full (2 snapshots");

        snapshots.deleteSnapshot("a");
        assertThat(snapshots.takeSnapshot(new SnapshotRequest().name("c")).getName()).isEqualTo("c");
        assertThat(snapshots.listSnapshots().getSnapshots()).extracting(SnapshotSummary::getName)
                .containsExactly("b", "c");
        assertThat(snapshots.listSnapshots().getCapacity()).isEqualTo(2);
    }

    @Test
    void takeSnapshot_conflicts_whenNameIsTaken() throws Exception {
        snapshots.takeSnapshot(new SnapshotRequest().name("same"));

        ErrorsTest.assertProblem(http.post("/snapshots", "{\"name\":\"same\"}"), 409, "conflict", "already exists");
    }

    @Test
    void compare_isNotFound_whenBaselineUnknown() throws Exception {
        snapshots.takeSnapshot(new SnapshotRequest().name("only"));

        ErrorsTest.assertProblem(http.get("/snapshots/only/compare/ghost"), 404, "not-found", "ghost");
        ApiException e = Assertions.catchThrowableOfType(ApiException.class,
                () -> snapshots.compareSnapshots("only", "ghost", null, null, null, null, null));
        assertThat(e.getCode()).isEqualTo(404);
    }

    @Test
    void histogram_listsBiggestClassesFirst_exactly() throws Exception {
        Histogram h = new HeapApi(Clients.of(heapscope)).getHistogram(5);

        assertThat(h.getEntries()).hasSize(5);
        assertThat(h.getEntries().get(0).getBytes()).isGreaterThanOrEqualTo(h.getEntries().get(4).getBytes());
        assertThat(h.getTotalBytes()).isGreaterThan(h.getEntries().get(0).getBytes());
    }

    @Test
    void contract_isServed_asTheOpenApiDocument() {
        HttpResponse<String> yaml = http.get("/openapi.yaml");

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.0.3").contains("/snapshots/{name}/compare/{baseline}:");
    }
}
