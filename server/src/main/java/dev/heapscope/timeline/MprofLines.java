package dev.heapscope.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The timeline as memory_profiler's {@code .dat} lines, so that {@code mprof plot} draws it: one
 * {@code MEM <MiB> <unix time>} line per point (heap used), a {@code CMDLINE} line (mprof's plot title), and
 * a {@code FUNC <name> <MiB> <start> <MiB> <end> 0} line for each tracing period and each snapshot (mprof
 * draws them as labelled brackets; a snapshot's start and end are the same moment). Formats follow
 * memory_profiler's own writer ({@code %.6f} MiB, {@code %.4f} seconds); mprof splits every line at blanks,
 * so names never contain one.
 */
public final class MprofLines {

    private static final double MIB = 1024 * 1024;

    private MprofLines() {
    }

    public static String of(TimelineView view, long pid) {
        StringBuilder out = new StringBuilder(64 + view.points().size() * 32);
        out.append("CMDLINE heapscope: heap used of JVM ").append(pid).append('\n');
        for (MemoryPoint p : view.points()) {
            out.append(String.format(Locale.ROOT, "MEM %.6f %.4f%n", p.heapUsedBytes() / MIB, seconds(p.time())));
        }
        Instant tracingSince = null;
        for (Mark mark : view.marks()) {
            switch (mark.kind()) {
                case TRACING_STARTED -> tracingSince = mark.time();
                case TRACING_STOPPED -> {
                    func(out, view, "tracing", tracingSince == null ? view.from() : tracingSince, mark.time());
                    tracingSince = null;
                }
                case SNAPSHOT, WATCH_SNAPSHOT -> func(out, view, "snapshot:" + mark.name(), mark.time(), mark.time());
                default -> {
                    // watch start and stop: the watch's snapshots are marked themselves
                }
            }
        }
        if (tracingSince != null && !view.points().isEmpty()) {
            func(out, view, "tracing", tracingSince, view.points().get(view.points().size() - 1).time());
        }
        return out.toString();
    }

    private static void func(StringBuilder out, TimelineView view, String name, Instant start, Instant end) {
        out.append(String.format(Locale.ROOT, "FUNC %s %.6f %.4f %.6f %.4f 0%n", name.replace(' ', '_'),
                usedAt(view.points(), start) / MIB, seconds(start), usedAt(view.points(), end) / MIB, seconds(end)));
    }

    /** Heap used at the last point at or before {@code time} (the first point when none is before). */
    static long usedAt(List<MemoryPoint> points, Instant time) {
        long used = points.isEmpty() ? 0 : points.get(0).heapUsedBytes();
        for (MemoryPoint p : points) {
            if (p.time().isAfter(time)) {
                break;
            }
            used = p.heapUsedBytes();
        }
        return used;
    }

    private static double seconds(Instant time) {
        return time.getEpochSecond() + time.getNano() / 1e9;
    }
}
