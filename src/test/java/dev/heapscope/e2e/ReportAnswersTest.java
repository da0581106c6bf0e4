package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports of stored snapshots are answered from their JSON built once: what a client reads is the same
 * whether it is the first read or the hundredth, in every media type, and a snapshot taken again under the
 * same name is answered anew.
 */
class ReportAnswersTest {

    private static long byteArrays(String statistics) {
        try {
            for (JsonNode entry : new ObjectMapper().readTree(statistics).path("entries")) {
                if (entry.path("key").asText().equals("byte[]")) {
                    return entry.path("count").asLong();
                }
            }
            throw new AssertionError("no byte[] in " + statistics);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reports_areTheSameBytes_onEveryRead_inJsonAndText_andNewOnes_forASnapshotTakenAgain() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            Http http = new Http(heapscope.uri());
            heapscope.tracing().start(new TracingSettings(16, 10_000));
            heapscope.snapshots().take("before");
            heapscope.snapshots().take("after");
            String statistics = "/snapshots/after/statistics?groupBy=type&view=live&limit=500";
            String compare = "/snapshots/after/compare/before?groupBy=line&limit=20";

            HttpResponse<String> first = http.get(statistics, "application/json");
            HttpResponse<String> again = http.get(statistics, "application/json");
            HttpResponse<String> text = http.get(statistics, "text/plain");
            HttpResponse<String> comparison = http.get(compare, "application/json");

            assertThat(List.of(first.statusCode(), again.statusCode(), text.statusCode(), comparison.statusCode()))
                    .containsOnly(200);
            assertThat(again.body()).isEqualTo(first.body()).contains("\"groupBy\"");
            assertThat(first.headers().firstValue("Content-Length"))
                    .hasValue(Integer.toString(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
            assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/plain"));
            assertThat(text.body()).startsWith("# groupBy=type view=live");
            assertThat(http.get(compare, "application/json").body()).isEqualTo(comparison.body());

            // what the second "after" holds and the first did not
            List<byte[]> held = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                held.add(new byte[64]);
            }
            heapscope.snapshots().delete("after");
            heapscope.snapshots().take("after");
            String retaken = http.get(statistics, "application/json").body();

            assertThat(byteArrays(retaken)).isGreaterThanOrEqualTo(byteArrays(first.body()) + 50_000);
            assertThat(held).hasSize(50_000);
        }
    }
}
