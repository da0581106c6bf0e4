package dev.heapscope.bench.service;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Per mode: the service CPU per request against {@code off} in the same cycle (a paired ratio, so that
 * the machine's drift between cycles cancels), its mean with a 95% confidence interval over cycles, and
 * the median over rounds of each latency percentile.
 */
final class Summary {

    /** Two-sided 95% quantiles of Student's t for 1..10 degrees of freedom. */
    private static final double[] T95 = {12.71, 4.30, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23};

    private final List<Round> rounds;
    private final List<String> modes;

    Summary(List<Round> rounds, List<String> modes) {
        this.rounds = rounds;
        this.modes = modes;
    }

    void print(PrintStream out) {
        out.println();
        out.println("mode              cpu-us/req (median)  vs off (mean, 95% CI)      p50-ms  p99-ms  p99.9-ms  errors");
        for (String mode : modes) {
            List<Round> mine = rounds.stream().filter(r -> r.mode().equals(mode)).toList();
            out.printf("%-16s  %19.1f  %-25s  %6.2f  %6.2f  %8.2f  %6d%n", mode,
                    median(mine.stream().mapToDouble(Round::cpuMicrosPerRequest).toArray()), versusOff(mode),
                    median(mine.stream().mapToDouble(r -> r.latencies().p50Nanos() / 1e6).toArray()),
                    median(mine.stream().mapToDouble(r -> r.latencies().p99Nanos() / 1e6).toArray()),
                    median(mine.stream().mapToDouble(r -> r.latencies().p999Nanos() / 1e6).toArray()),
                    mine.stream().mapToLong(r -> r.latencies().errors()).sum());
        }
    }

    private String versusOff(String mode) {
        if (mode.equals("off") || !modes.contains("off")) {
            return "";
        }
        double[] ratios = rounds.stream().filter(r -> r.mode().equals(mode)).mapToDouble(r -> {
            Round off = rounds.stream().filter(o -> o.mode().equals("off") && o.cycle() == r.cycle())
                    .findFirst().orElseThrow();
            return r.cpuMicrosPerRequest() / off.cpuMicrosPerRequest();
        }).toArray();
        double mean = Arrays.stream(ratios).average().orElse(Double.NaN);
        if (ratios.length < 2) {
            return String.format("%+.1f%%", (mean - 1) * 100);
        }
        double variance = Arrays.stream(ratios).map(r -> (r - mean) * (r - mean)).sum() / (ratios.length - 1);
        double t = ratios.length - 1 <= T95.length ? T95[ratios.length - 2] : 1.96;
        double half = t * Math.sqrt(variance / ratios.length);
        return String.format("%+.1f%% [%+.1f, %+.1f]", (mean - 1) * 100, (mean - half - 1) * 100,
                (mean + half - 1) * 100);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
