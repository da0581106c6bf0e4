package dev.heapscope.bench.service;

import java.util.Arrays;

/** The latencies of the requests completed during one window of a {@link FixedRateLoad}, per connection. */
final class Window {

    private final Recorder[] recorders;
    private final long startNanos = System.nanoTime();
    private long endNanos;

    Window(int connections) {
        recorders = new Recorder[connections];
        for (int c = 0; c < connections; c++) {
            recorders[c] = new Recorder();
        }
    }

    void record(int connection, long latencyNanos) {
        recorders[connection].record(latencyNanos);
    }

    void error(int connection) {
        recorders[connection].error();
    }

    void end() {
        endNanos = System.nanoTime();
    }

    /** What the window saw: requests, errors, their rate and latency percentiles. */
    Latencies latencies() {
        long[] all = new long[0];
        long errors = 0;
        for (Recorder r : recorders) {
            synchronized (r) {
                long[] mine = Arrays.copyOf(r.latencies, r.count);
                long[] both = Arrays.copyOf(all, all.length + mine.length);
                System.arraycopy(mine, 0, both, all.length, mine.length);
                all = both;
                errors += r.errors;
            }
        }
        Arrays.sort(all);
        return new Latencies(all.length, errors, all.length / ((endNanos - startNanos) / 1e9),
                percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99), percentile(all, 0.999),
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /**
     * @param requests  completed requests
     * @param errors    failed ones
     * @param perSecond completed requests per second of the window
     * @param p50Nanos  latency percentiles and maximum, ns from when each request was due
     */
    record Latencies(long requests, long errors, double perSecond, long p50Nanos, long p90Nanos, long p99Nanos,
                     long p999Nanos, long maxNanos) {
    }

    private static final class Recorder {
        private long[] latencies = new long[16_384];
        private int count;
        private long errors;

        synchronized void record(long latencyNanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latencyNanos;
        }

        synchronized void error() {
            errors++;
        }
    }
}
