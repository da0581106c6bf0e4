package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.TracingSettings;
import dev.heapscope.client.model.TracingStatus;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tracing's state machine over REST: idempotent start and stop, 409 on other settings, traced memory. */
class TracingTest {

    Heapscope heapscope;
    TracingApi tracing;
    Http http;

    @BeforeEach
    void start() {
        heapscope = Heapscope.builder().port(0).start();
        tracing = new TracingApi(Clients.of(heapscope));
        http = new Http(heapscope.uri());
    }

    @AfterEach
    void stop() {
        heapscope.close();
    }

    @Test
    void start_isIdempotent_andReportsSettingsAndSince() throws Exception {
        TracingStatus first = tracing.startTracing(new TracingSettings().stackDepth(8).allocationSamplesPerSecond(300));
        TracingStatus again = tracing.startTracing(new TracingSettings().stackDepth(8).allocationSamplesPerSecond(300));

        assertThat(first.getTracing()).isTrue();
        assertThat(first.getSettings().getStackDepth()).isEqualTo(8);
        assertThat(first.getSettings().getAllocationSamplesPerSecond()).isEqualTo(300);
        assertThat(again.getSince()).isEqualTo(first.getSince());
    }

    @Test
    void start_withoutBody_usesDefaults() throws Exception {
        HttpResponse<String> started = http.post("/tracing/start", null);

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(tracing.getTracing().getSettings().getStackDepth()).isEqualTo(16);
        assertThat(tracing.getTracing().getSettings().getAllocationSamplesPerSecond()).isEqualTo(1000);
    }

    @Test
    void start_conflicts_whenSettingsDiffer_namingRunningSettings() throws Exception {
        tracing.startTracing(new TracingSettings().stackDepth(8));

        HttpResponse<String> conflict = http.post("/tracing/start", "{\"stackDepth\":32}");

        ErrorsTest.assertProblem(conflict, 409, "conflict", "stackDepth=8");
        assertThat(tracing.getTracing().getSettings().getStackDepth()).isEqualTo(8);
    }

    @Test
    void stop_isIdempotent_andForgetsSettings() throws Exception {
        tracing.startTracing(null);

        TracingStatus stopped = tracing.stopTracing();
        TracingStatus again = tracing.stopTracing();

        assertThat(stopped.getTracing()).isFalse();
        assertThat(stopped.getSince()).isNull();
        assertThat(again.getTracing()).isFalse();
    }

    @Test
    void resetPeak_bringsPeakDownToCurrent() throws Exception {
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[1 << 20];
        }
        long peakBefore = tracing.getTracing().getTracedMemory().getPeakBytes();
        garbage = null;
        System.gc();

        TracingStatus reset = tracing.resetPeak();

        assertThat(reset.getTracedMemory().getPeakBytes()).isLessThan(peakBefore);
        assertThat(reset.getTracedMemory().getPeakBytes())
                .isGreaterThanOrEqualTo(reset.getTracedMemory().getCurrentBytes());
        assertThat(garbage).isNull();
    }

    @Test
    void generatedClient_surfacesProblemDetail() {
        ApiException e = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> tracing.startTracing(new TracingSettings().stackDepth(0)));

        assertThat(e.getCode()).isEqualTo(400);
        assertThat(e.getResponseBody()).contains("stackDepth");
    }
}
