package dev.heapscope.bench.service;

/**
 * One measured round: a mode, its requests' latencies, and the service's CPU and collections meanwhile.
 *
 * @param cpuNanos the service process's CPU time during the round, all threads
 */
record Round(int cycle, String mode, Window.Latencies latencies, long cpuNanos, long collections) {

    /** Service CPU microseconds per completed request. */
    double cpuMicrosPerRequest() {
        return latencies.requests() == 0 ? Double.NaN : cpuNanos / 1e3 / latencies.requests();
    }

    String row() {
        return String.format("%5d %-16s %6.0f  %10.1f  %6.2f  %6.2f  %8.2f  %6.1f  %3d  %6d", cycle, mode,
                latencies.perSecond(), cpuMicrosPerRequest(), latencies.p50Nanos() / 1e6, latencies.p99Nanos() / 1e6,
                latencies.p999Nanos() / 1e6, latencies.maxNanos() / 1e6, collections, latencies.errors());
    }
}
