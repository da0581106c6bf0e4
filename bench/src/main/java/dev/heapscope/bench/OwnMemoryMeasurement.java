package dev.heapscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import example.leakyshop.LeakyShop;
import java.time.Duration;
import java.util.Locale;

/**
 * heapscope's own memory with a full store: the demo (LeakyShop, heapscope embedded) traced at stack
 * depth 64 and 10,000 samples/s, snapshots taken evenly over the run until the store holds 32, then
 * {@code GET /tracing}'s {@code heapscopeBytes}. Bound (issue 11): at most 64 MB after an hour.
 *
 * <pre>
 * java -Xmx512m -cp bench/target/benchmarks.jar dev.heapscope.bench.OwnMemoryMeasurement [minutes] [snapshots]
 * </pre>
 * Defaults: 60 minutes, 32 snapshots. Prints one line per snapshot and the figures at the end.
 */
public final class OwnMemoryMeasurement {

    private OwnMemoryMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        int snapshots = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Duration interval = Duration.ofMillis((long) (minutes * 60_000 / snapshots));
        try (LeakyShop shop = LeakyShop.start(0, System.err)) {
            Api api = new Api(shop.api());
            require(api.post("/tracing/start", "{\"stackDepth\":64,\"allocationSamplesPerSecond\":10000}"), 200);
            long start = System.nanoTime();
            for (int i = 1; i <= snapshots; i++) {
                sleepUntil(start + i * interval.toNanos());
                long before = System.nanoTime();
                JsonNode taken = require(api.post("/snapshots", "{\"name\":\"s" + i + "\"}"), 201).json();
                long took = (System.nanoTime() - before) / 1_000_000;
                System.out.printf(Locale.ROOT, "snapshot %2d at %5.1f min: %6d ms, %8d allocation samples, %3d live"
                                + " samples%n", i, (System.nanoTime() - start) / 60e9, took,
                        taken.path("allocationSamples").asLong(), taken.path("liveSamples").asLong());
            }
            JsonNode status = settled(api);
            System.out.printf(Locale.ROOT, "%nafter %.1f min, %d snapshots held: heapscopeBytes = %.1f MB,"
                            + " recordingBytes = %.1f MB (bound: heapscopeBytes <= 64 MB)%n", minutes, snapshots,
                    status.path("heapscopeBytes").asLong() / 1e6, status.path("recordingBytes").asLong() / 1e6);
        }
    }

    /** GET /tracing once heapscopeBytes has stopped changing (it is measured in the background after a change). */
    private static JsonNode settled(Api api) throws Exception {
        long previous = -1;
        for (int i = 0; i < 60; i++) {
            JsonNode status = require(api.get("/tracing"), 200).json();
            long bytes = status.path("heapscopeBytes").asLong();
            if (bytes == previous && bytes > 0) {
                return status;
            }
            previous = bytes;
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("heapscopeBytes did not settle within a minute");
    }

    static Api.Answer require(Api.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
