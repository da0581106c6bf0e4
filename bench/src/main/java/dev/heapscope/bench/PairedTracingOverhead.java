package dev.heapscope.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.heapscope.Heapscope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The worst-case tracing overhead measured in pairs inside one JVM: the same thread runs {@link RequestWork}
 * while the tracing modes ({@link TracingModes}) take turns, each for a short window, in a shuffled order
 * every round. Every mode runs on the same JIT-compiled code, heap and machine minute as the others, so the
 * difference between two modes is read within a round, where JMH compares forks that differ by up to 30%
 * on a 2-core VM before any tracing starts (their JIT decisions, their place on the host).
 *
 * <pre>
 * java -Xmx1g -Xms1g -cp bench/target/benchmarks.jar dev.heapscope.bench.PairedTracingOverhead [rounds] [windowSeconds] [modes]
 * </pre>
 * Defaults: 40 rounds of 2 s windows (each after 1 s of settling under the new mode), modes
 * {@code off,jfr-both,heapscope,jfr-alloc,heapscope-alloc}; 3 unmeasured rounds first. Reports per mode the
 * requests per ms (of wall time, and of the workload thread's own CPU time, which the VM's scheduling and
 * steal do not move), its loss against {@code off} of the same round as a mean with a 95% interval over the
 * rounds, the CPU of every thread per request, and each heapscope mode's loss minus its plain-JFR twin's
 * ({@code heapscope} − {@code jfr-both}, {@code heapscope-alloc} − {@code jfr-alloc}) paired per round, and with
 * {@code jfr-both-streamed} among the modes, what reading the recording as it is written adds to it and what
 * heapscope adds to that. A run of more than 50 rounds prints the figures so far every 50 rounds.
 */
public final class PairedTracingOverhead {

    private static final int WARMUP_ROUNDS = 3;
    private static final long SETTLE_NANOS = 1_000_000_000L;
    private static final int REPORT_EVERY = 50;
    // pairs whose losses are compared round by round: each heapscope mode against its plain-JFR twin, and a plain
    // recording read as it is written (as heapscope's reader reads it) against the recording alone
    private static final List<List<String>> PAIRS = List.of(List.of("heapscope", "jfr-both"),
            List.of("heapscope-alloc", "jfr-alloc"), List.of("heapscope-depth64", "jfr-both"),
            List.of("jfr-both-streamed", "jfr-both"), List.of("heapscope", "jfr-both-streamed"));

    private final Blackhole bh = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private int seed;

    /**
     * One mode's window: requests per ms of wall time on the workload thread, per ms of that thread's own CPU
     * time (what the host's request thread pays, unmoved by the VM's scheduling and steal), and the CPU of every
     * thread per request.
     */
    private record Window(double opsPerMs, double opsPerThreadCpuMs, double cpuNanosPerOp) {
    }

    private PairedTracingOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long windowNanos = (args.length > 1 ? Long.parseLong(args[1]) : 2) * 1_000_000_000L;
        List<String> modes = List.of((args.length > 2 ? args[2] : "off,jfr-both,heapscope,jfr-alloc,heapscope-alloc")
                .split(","));
        if (!modes.contains("off")) {
            throw new IllegalArgumentException("the modes must include off, the baseline of each round");
        }
        Map<String, List<Window>> windows = new LinkedHashMap<>();
        modes.forEach(m -> windows.put(m, new ArrayList<>()));
        PairedTracingOverhead bench = new PairedTracingOverhead();
        Random order = new Random(42);
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
                List<String> shuffled = new ArrayList<>(modes);
                Collections.shuffle(shuffled, order);
                for (String mode : shuffled) {
                    Window window = bench.measure(mode, heapscope, windowNanos);
                    if (round >= WARMUP_ROUNDS) {
                        windows.get(mode).add(window);
                    }
                }
                System.err.printf(Locale.ROOT, "round %d of %d%s%n", round + 1, WARMUP_ROUNDS + rounds,
                        round < WARMUP_ROUNDS ? " (warm-up)" : "");
                int measured = round + 1 - WARMUP_ROUNDS;
                if (measured > 0 && measured % REPORT_EVERY == 0 && measured < rounds) {
                    // a long run keeps what it measured so far if it is cut short
                    System.out.printf(Locale.ROOT, "(after %d of %d rounds)%n", measured, rounds);
                    report(measured, windowNanos, windows);
                    System.out.println();
                }
            }
        }
        report(rounds, windowNanos, windows);
    }

    private Window measure(String mode, Heapscope heapscope, long windowNanos) throws Exception {
        try (AutoCloseable tracer = TracingModes.start(mode, heapscope)) {
            run(System.nanoTime() + SETTLE_NANOS);
            long cpu = os.getProcessCpuTime();
            long threadCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long ops = run(start + windowNanos);
            long elapsed = System.nanoTime() - start;
            return new Window(ops / (elapsed / 1e6), ops / ((threads.getCurrentThreadCpuTime() - threadCpu) / 1e6),
                    (os.getProcessCpuTime() - cpu) / (double) ops);
        }
    }

    // requests until the deadline, checking the clock every 256 of them
    private long run(long deadline) {
        long ops = 0;
        do {
            for (int i = 0; i < 256; i++) {
                RequestWork.run(seed++, 0, bh);
            }
            ops += 256;
        } while (System.nanoTime() < deadline);
        return ops;
    }

    private static void report(int rounds, long windowNanos, Map<String, List<Window>> windows) {
        System.out.printf(Locale.ROOT, "%d rounds of %.0f s windows, JDK %s, %d cores; loss = 1 - ops/off's ops of"
                        + " the same round, mean [95%% interval over rounds]; wall: requests per ms of wall time;"
                        + " thread CPU: per ms of the workload thread's CPU%n%n", rounds, windowNanos / 1e9,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-18s %8s %6s %24s %10s %24s %10s%n", "mode", "ops/ms", "sd", "loss vs off, wall",
                "ops/cpu-ms", "loss vs off, thread CPU", "cpu ns/op");
        List<Window> off = windows.get("off");
        Map<String, double[]> wallLosses = new LinkedHashMap<>();
        Map<String, double[]> cpuLosses = new LinkedHashMap<>();
        windows.forEach((mode, list) -> {
            wallLosses.put(mode, losses(list, off, Window::opsPerMs));
            cpuLosses.put(mode, losses(list, off, Window::opsPerThreadCpuMs));
            double[] ops = list.stream().mapToDouble(Window::opsPerMs).toArray();
            System.out.printf(Locale.ROOT, "%-18s %8.0f %6.0f %24s %10.0f %24s %10.0f%n", mode, mean(ops), sd(ops),
                    mode.equals("off") ? "" : interval(wallLosses.get(mode)) + " %",
                    list.stream().mapToDouble(Window::opsPerThreadCpuMs).average().orElse(Double.NaN),
                    mode.equals("off") ? "" : interval(cpuLosses.get(mode)) + " %",
                    list.stream().mapToDouble(Window::cpuNanosPerOp).average().orElse(Double.NaN));
        });
        System.out.println();
        PAIRS.forEach(pair -> {
            String mode = pair.get(0);
            String twin = pair.get(1);
            if (windows.containsKey(mode) && windows.containsKey(twin)) {
                System.out.printf(Locale.ROOT, "%s loss - %s loss: wall %s points, thread CPU %s points%n", mode,
                        twin, interval(difference(wallLosses, mode, twin)), interval(difference(cpuLosses, mode, twin)));
            }
        });
    }

    // per round, in percent
    private static double[] losses(List<Window> mode, List<Window> off, ToDoubleFunction<Window> figure) {
        double[] loss = new double[mode.size()];
        Arrays.setAll(loss, r -> 100 * (1 - figure.applyAsDouble(mode.get(r)) / figure.applyAsDouble(off.get(r))));
        return loss;
    }

    private static double[] difference(Map<String, double[]> losses, String mode, String twin) {
        double[] difference = new double[losses.get(mode).length];
        Arrays.setAll(difference, r -> losses.get(mode)[r] - losses.get(twin)[r]);
        return difference;
    }

    private static String interval(double[] values) {
        double half = tQuantile975(values.length - 1) * sd(values) / Math.sqrt(values.length);
        return String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", mean(values), mean(values) - half,
                mean(values) + half);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }

    // Student's t, 97.5th percentile, by the Cornish-Fisher expansion (within 0.1% of the table from 10 df)
    private static double tQuantile975(int df) {
        double z = 1.959964;
        return z + (z * z * z + z) / (4.0 * df) + (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / (96.0 * df * df);
    }
}
