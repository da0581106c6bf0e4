package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Heapscope;
import dev.heapscope.client.api.MetricsApi;
import io.micrometer.core.instrument.Metrics;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /metrics read by the Prometheus client's own text-format parser. */
class MetricsTest {

    static Heapscope heapscope;
    static Http http;

    @BeforeAll
    static void start() {
        heapscope = Heapscope.builder().port(0).start();
        http = new Http(heapscope.uri());
        assertThat(http.post("/tracing/start", "{}").statusCode()).isEqualTo(200);
        assertThat(http.post("/snapshots", "{\"name\":\"one\"}").statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        heapscope.close();
    }

    @Test
    void metrics_parseWithPrometheusOwnParser_andCarryHeapscopesFigures() throws Exception {
        HttpResponse<String> response = http.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));

        // prometheus_client.parser raises ValueError on any line that is not the text format
        String parsed = Python.run("prometheus_client.parser", """
                import sys
                from prometheus_client.parser import text_string_to_metric_families
                for family in text_string_to_metric_families(sys.stdin.read()):
                    for sample in family.samples:
                        print(family.type, sample.name, repr(float(sample.value)).replace("nan", "NaN"))
                """, response.body());

        Map<String, Double> values = parsed.lines().map(l -> l.split(" "))
                .collect(Collectors.toMap(p -> p[1], p -> Double.parseDouble(p[2])));
        assertThat(parsed.lines()).allMatch(l -> l.startsWith("gauge "));
        assertThat(values).containsEntry("heapscope_tracing_active", 1.0)
                .containsEntry("heapscope_snapshots", 1.0)
                .containsEntry("heapscope_watch_active", 0.0)
                .containsEntry("heapscope_watch_suspects", 0.0)
                .containsKeys("heapscope_traced_bytes", "heapscope_traced_peak_bytes", "heapscope_heap_after_gc_bytes",
                        "heapscope_watch_live_growth_bytes_per_hour", "heapscope_watch_projected_oom_timestamp_seconds");
        assertThat(values.get("heapscope_traced_peak_bytes")).isGreaterThanOrEqualTo(values.get("heapscope_traced_bytes"));
        assertThat(values.get("heapscope_heap_after_gc_bytes")).isPositive();
        assertThat(values.get("heapscope_watch_projected_oom_timestamp_seconds")).isNaN();
    }

    @Test
    void metrics_comeThroughTheGeneratedClient_asText() throws Exception {
        String text = new MetricsApi(Clients.of(heapscope)).getMetrics();

        assertThat(Arrays.stream(text.split("\n")).filter(l -> l.startsWith("# TYPE heapscope_"))).hasSize(10);
    }

    @Test
    void heapscopesMeters_stayOutOfMicrometersGlobalRegistry() {
        assertThat(Metrics.globalRegistry.getMeters()).noneMatch(m -> m.getId().getName().startsWith("heapscope"));
    }
}
