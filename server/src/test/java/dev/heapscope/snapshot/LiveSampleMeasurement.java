package dev.heapscope.snapshot;

import com.example.leaky.ArrayListLeak;
import com.example.leaky.Churn;
import com.example.leaky.LeakScenario;
import com.example.leaky.LongLivedState;
import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
import jdk.jfr.Recording;

/**
 * Not a test: prints how many live samples a leak of N MB between two snapshots gets (docs/TRACING.md),
 * with JFR's queue emptied at the first snapshot (heapscope alone) or left full of long-lived state
 * (another recording samples live objects too, so heapscope leaves the sampler alone). Run in a JVM of
 * its own, from server/ after {@code mvn -B -o -q test-compile}:
 * {@code java -Xmx2g -cp target/classes:target/test-classes:$(cat cp.txt) dev.heapscope.snapshot.LiveSampleMeasurement [runs]}.
 */
public final class LiveSampleMeasurement {

    static final int[] LEAK_MB = {3, 12, 48};

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("java " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        System.out.println("queue at 'before' | leak MB | samples gained at the leak line (runs) | live samples at 'after'");
        for (String mode : new String[] {"emptied", "full"}) {
            measure(mode, runs);
        }
    }

    private static void measure(String mode, int runs) throws Exception {
        Recording other = null;
        if (mode.equals("full")) {
            other = new Recording();
            other.enable("jdk.OldObjectSample");
            other.start();
        }
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start();
             LeakScenario threads = new LeakScenario()) {
            heapscope.tracing().start(TracingSettings.DEFAULTS);
            threads.warmUp(256L << 20);
            LongLivedState.build(256, 8);
            int taken = 0;
            for (int mb : LEAK_MB) {
                StringBuilder gained = new StringBuilder();
                int live = 0;
                for (int run = 0; run < runs; run++) {
                    String before = "b" + taken++;
                    String after = "a" + taken++;
                    heapscope.snapshots().take(before, false);
                    for (int slice = 0; slice < 8; slice++) {
                        ArrayListLeak.leak(mb * 1024 / 8);
                        Churn.allocate((long) mb << 20);
                    }
                    Snapshot s = heapscope.snapshots().take(after, false);
                    long atLine = heapscope.snapshots().compare(after, before,
                            new StatisticsQuery(GroupBy.LINE, View.LIVE, false, 1000, null)).entries().stream()
                            .filter(d -> d.key().equals(ArrayListLeak.LINE_KEY)).mapToLong(StatisticDiff::countDiff).sum();
                    gained.append(run == 0 ? "" : ", ").append(atLine);
                    live = s.liveObjects().size();
                    ArrayListLeak.release();
                    heapscope.snapshots().delete(before);
                    heapscope.snapshots().delete(after);
                }
                System.out.printf("%-8s | %3d | %s | %d%n", mode, mb, gained, live);
            }
        } finally {
            LongLivedState.release();
            if (other != null) {
                other.close();
            }
        }
    }
}
