package dev.heapscope.watch;

import dev.heapscope.ReadableBytes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The watch's verdict over its ring: which types and sites grew steadily, and where the live set is going.
 * A type is a suspect when its exact live bytes rose in at least k of the n intervals and ended higher than
 * they began; a site when it gained new live samples in at least k of n intervals. The live set grows when
 * it rose in k of n intervals and by at least {@value #MIN_LIVE_GROWTH_PERCENT}% over the window; only then
 * is a least-squares line extended to the heap's maximum. With fewer than {@value #MIN_INTERVALS} intervals,
 * or fewer than k, nothing is judged, and the notes say so.
 *
 * <p>An interval counts as growth only when the rise is more than {@value #NOISE_PER_MILLE} per mille of the
 * figure at the window's start: a healthy JVM's histogram moves by a handful of objects between two full
 * GCs (caches, interned names, the JDK's own bookkeeping), measured at a few hundredths of a percent for
 * {@code byte[]} and {@code String} on the demo with its leaks off, and such a drift must not make a suspect.
 * A leak that grows by less than that per interval is found with a longer interval.
 */
final class Judgement {

    static final int MIN_INTERVALS = 3;
    static final int MIN_LIVE_GROWTH_PERCENT = 1;
    static final int NOISE_PER_MILLE = 1;
    /** Suspects reported at most, fastest first. */
    static final int MAX_SUSPECTS = 20;
    /**
     * Types not judged: JFR's own bookkeeping gains an object or two at every dump while tracing runs, which
     * is steady growth by construction, not the host's.
     */
    private static final String[] NOT_JUDGED = {"jdk.jfr."};

    record Verdict(List<Suspect> suspects, LiveSetTrend liveSet, List<String> notes) {
    }

    private final WatchRing ring;
    private final int minGrowing;
    private final int n;

    private Judgement(WatchRing ring, int minGrowing) {
        this.ring = ring;
        this.minGrowing = minGrowing;
        this.n = ring.size() - 1;
    }

    static Verdict of(WatchRing ring, int minGrowing, Duration interval) {
        return new Judgement(ring, minGrowing).judge(interval);
    }

    private Verdict judge(Duration interval) {
        List<String> notes = new ArrayList<>();
        int needed = Math.max(MIN_INTERVALS, minGrowing);
        if (n < needed) {
            String wait = ring.size() == 0 ? "" : " (about " + human(interval.multipliedBy(needed - n))
                    + " from the last one)";
            String tooLittle = "too little data: " + ring.size() + " watch snapshot(s); suspects and the live set's"
                    + " trend need at least " + (needed + 1) + " (" + needed + " intervals)" + wait;
            notes.add(tooLittle);
            return new Verdict(List.of(), new LiveSetTrend(ring.size(), first(), last(), null, false, maxHeap(), null,
                    tooLittle), notes);
        }
        List<Suspect> suspects = new ArrayList<>(types());
        if (tracingThroughout()) {
            suspects.addAll(sites());
        } else {
            notes.add("tracing was not on for every watch snapshot of the window: allocation sites are not judged,"
                    + " only types");
        }
        suspects.sort(Comparator.comparing((Suspect s) -> s.bytesPerHour() == null ? Long.MIN_VALUE : s.bytesPerHour())
                .reversed().thenComparing(Comparator.comparingDouble(Suspect::countPerHour).reversed())
                .thenComparing(Suspect::key));
        if (suspects.size() > MAX_SUSPECTS) {
            notes.add(suspects.size() + " suspects: the " + MAX_SUSPECTS + " fastest-growing are listed");
        }
        if (ring.types().full() || ring.sites().full()) {
            notes.add("more than " + WatchRing.MAX_TYPES + " types or " + WatchRing.MAX_SITES + " sites were seen:"
                    + " the ones seen after that are not judged");
        }
        notes.add("types: exact live bytes from the class histogram after each snapshot's full GC; a suspect grew in"
                + " at least " + minGrowing + " of the last " + n + " intervals (each time by more than "
                + NOISE_PER_MILLE + " per mille) and ended higher than it began");
        return new Verdict(suspects.subList(0, Math.min(MAX_SUSPECTS, suspects.size())), trend(), notes);
    }

    private List<Suspect> types() {
        List<Suspect> found = new ArrayList<>();
        double[] hours = hours();
        long[] bytes = new long[n + 1];
        long[] counts = new long[n + 1];
        for (int id = 0; id < ring.types().size(); id++) {
            String type = ring.types().name(id);
            if (notJudged(type)) {
                continue;
            }
            for (int i = 0; i <= n; i++) {
                bytes[i] = ring.slot(i).typeBytes[id];
                counts[i] = ring.slot(i).typeCounts[id];
            }
            int growing = growingIntervals(bytes);
            if (growing >= minGrowing && bytes[n] > bytes[0]) {
                found.add(new Suspect(type, Suspect.Kind.TYPE, Math.round(slope(hours, bytes)), slope(hours, counts),
                        bytes[n], counts[n], growing, n));
            }
        }
        return found;
    }

    private List<Suspect> sites() {
        List<Suspect> found = new ArrayList<>();
        double windowHours = hours()[n];
        for (int id = 0; id < ring.sites().size(); id++) {
            int growing = 0;
            long samples = 0;
            long bytes = 0;
            boolean sized = true;
            for (int i = 1; i <= n; i++) {
                WatchRing.Slot slot = ring.slot(i);
                if (slot.siteSamples[id] > 0) {
                    growing++;
                    samples += slot.siteSamples[id];
                    bytes += slot.siteBytes[id];
                    sized &= slot.sitesSized;
                }
            }
            if (growing >= minGrowing && windowHours > 0) {
                found.add(new Suspect(ring.sites().name(id), Suspect.Kind.SITE,
                        sized ? Math.round(bytes / windowHours) : null, samples / windowHours, sized ? bytes : null,
                        samples, growing, n));
            }
        }
        return found;
    }

    private LiveSetTrend trend() {
        double[] hours = hours();
        long[] live = new long[n + 1];
        for (int i = 0; i <= n; i++) {
            live[i] = ring.slot(i).liveBytes;
        }
        int growing = growingIntervals(live);
        long slope = Math.round(slope(hours, live));
        long max = maxHeap();
        String window = "the live set went from " + ReadableBytes.of(live[0]) + " to " + ReadableBytes.of(live[n])
                + " over " + human(Duration.between(ring.slot(0).time(), ring.slot(n).time())) + " (" + (n + 1)
                + " watch snapshots, live bytes after each one's full GC), rising in " + growing + " of " + n
                + " intervals (by more than " + NOISE_PER_MILLE + " per mille); least-squares slope " + signed(slope)
                + "/h";
        boolean grows = growing >= minGrowing && live[n] - live[0] >= live[0] * MIN_LIVE_GROWTH_PERCENT / 100
                && slope > 0;
        if (!grows) {
            return new LiveSetTrend(n + 1, live[0], live[n], slope, false, max, null, window
                    + ": not a steady growth (it must rise in at least " + minGrowing + " intervals and by at least "
                    + MIN_LIVE_GROWTH_PERCENT + "%), so no out-of-memory projection");
        }
        if (max <= 0) {
            return new LiveSetTrend(n + 1, live[0], live[n], slope, true, max, null, window
                    + "; the heap has no defined maximum, so no out-of-memory projection");
        }
        double fittedNow = fitted(hours, live, hours[n]);
        double hoursLeft = Math.max(0, (max - fittedNow) / slope);
        Instant last = ring.slot(n).time();
        Instant at = last.plusSeconds(Math.round(Math.min(hoursLeft, 24 * 365 * 100) * 3600));
        return new LiveSetTrend(n + 1, live[0], live[n], slope, true, max, at, window + "; at that rate it reaches"
                + " the heap maximum of " + ReadableBytes.of(max) + " at " + at + ", in about "
                + human(Duration.between(last, at)) + " after the last snapshot (a straight line through few points:"
                + " a rough guide, not a promise)");
    }

    /** Intervals in which the figure rose by more than the noise floor. */
    static int growingIntervals(long[] values) {
        long floor = values[0] * NOISE_PER_MILLE / 1000;
        int growing = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] - values[i - 1] > floor) {
                growing++;
            }
        }
        return growing;
    }

    private double[] hours() {
        double[] hours = new double[n + 1];
        Instant t0 = ring.slot(0).time();
        for (int i = 0; i <= n; i++) {
            hours[i] = Duration.between(t0, ring.slot(i).time()).toMillis() / 3_600_000.0;
        }
        return hours;
    }

    /** Least-squares slope of y over x. */
    static double slope(double[] x, long[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    /** The least-squares line's value at {@code at}. */
    private static double fitted(double[] x, long[] y, double at) {
        return mean(y) + slope(x, y) * (at - mean(x));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double mean(long[] values) {
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private boolean tracingThroughout() {
        for (int i = 0; i <= n; i++) {
            if (!ring.slot(i).tracing) {
                return false;
            }
        }
        return true;
    }

    private long first() {
        return ring.size() == 0 ? -1 : ring.slot(0).liveBytes;
    }

    private long last() {
        return ring.size() == 0 ? -1 : ring.slot(ring.size() - 1).liveBytes;
    }

    private long maxHeap() {
        return ring.size() == 0 ? -1 : ring.slot(ring.size() - 1).maxHeapBytes;
    }

    private static boolean notJudged(String type) {
        for (String prefix : NOT_JUDGED) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String signed(long bytes) {
        return (bytes >= 0 ? "+" : "") + ReadableBytes.of(bytes);
    }

    /** {@code 3 h 10 min}, {@code 25 s}, {@code 2 d 4 h}. */
    static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 2 * 86_400) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        return s / 86_400 + " d " + (s % 86_400) / 3600 + " h";
    }
}
