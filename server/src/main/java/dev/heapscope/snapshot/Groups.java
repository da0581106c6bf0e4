package dev.heapscope.snapshot;

import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.RootSize;
import dev.heapscope.tracing.Frame;
import dev.heapscope.tracing.Frames;
import dev.heapscope.tracing.LiveObjectSample;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One snapshot's figures grouped by a query's key: the step statistics and comparisons share.
 *
 * @param groups     key to summed figures
 * @param stackDepth frames per traceback used
 * @param sizeBasis  what the sizes are
 * @param countBasis what the counts are
 */
record Groups(Map<String, Group> groups, int stackDepth, FigureBasis sizeBasis, FigureBasis countBasis) {

    /**
     * Summed figures of one key, and for the traceback grouping its frames: written out as lines only for
     * the groups a report keeps ({@link #traceback()}), not for every group of a snapshot's 50,000 records.
     */
    static final class Group {
        final List<Frame> frames;
        long size;
        long count;

        Group(List<Frame> frames) {
            this.frames = frames;
        }

        /** The traceback's lines, top first ({@code method (file:line)}); empty unless grouped by traceback. */
        List<String> traceback() {
            List<String> lines = new ArrayList<>(frames.size());
            for (Frame f : frames) {
                lines.add(f.methodKey() + " (" + f.lineKey() + ")");
            }
            return lines;
        }
    }

    static final int DEFAULT_STACK_DEPTH = 16;

    static Groups of(Snapshot snapshot, StatisticsQuery query) {
        int depth = stackDepth(snapshot, query);
        if (query.groupBy() == GroupBy.ROOT) {
            return ofRoots(snapshot, depth);
        }
        if (query.view() == View.LIVE && query.groupBy() == GroupBy.TYPE) {
            return ofHistogram(snapshot, depth);
        }
        return query.view() == View.ALLOCATED ? ofAllocations(snapshot, query, depth)
                : ofLiveSamples(snapshot.liveObjects(), query, depth);
    }

    /** Some of a snapshot's live samples, grouped as the query asks. */
    static Groups ofLiveSamples(Snapshot snapshot, List<LiveObjectSample> samples, StatisticsQuery query) {
        return ofLiveSamples(samples, query, stackDepth(snapshot, query));
    }

    /** Whether a query's figures come from live samples (the live view by site). */
    static boolean usesLiveSamples(StatisticsQuery query) {
        return query.view() == View.LIVE && query.groupBy() != GroupBy.TYPE && query.groupBy() != GroupBy.ROOT;
    }

    private static int stackDepth(Snapshot snapshot, StatisticsQuery query) {
        if (query.stackDepth() != null) {
            return query.stackDepth();
        }
        return snapshot.settings() == null ? DEFAULT_STACK_DEPTH : snapshot.settings().stackDepth();
    }

    private static Groups ofHistogram(Snapshot snapshot, int depth) {
        Map<String, Group> groups = new TreeMap<>();
        for (ClassCount c : snapshot.histogram().classes()) {
            add(groups, c.type(), List.of(), c.bytes(), c.instances());
        }
        return new Groups(groups, depth, FigureBasis.EXACT, FigureBasis.EXACT);
    }

    private static Groups ofRoots(Snapshot snapshot, int depth) {
        Map<String, Group> groups = new TreeMap<>();
        for (RootSize root : snapshot.roots()) {
            add(groups, root.name(), List.of(), root.size().deepBytes(), root.size().objectCount());
        }
        return new Groups(groups, depth, FigureBasis.EXACT, FigureBasis.EXACT);
    }

    private static Groups ofAllocations(Snapshot snapshot, StatisticsQuery query, int depth) {
        Map<String, Group> groups = new TreeMap<>();
        for (AllocationRecord r : snapshot.allocations().records()) {
            List<Frame> frames = AllocationProfile.truncate(r.traceback(), depth);
            for (String key : keys(query, r.type(), r.site(), frames)) {
                add(groups, key, tracebackOf(query, frames), r.weightBytes(), r.samples());
            }
        }
        return new Groups(groups, depth, FigureBasis.ESTIMATED, FigureBasis.SAMPLES);
    }

    private static Groups ofLiveSamples(List<LiveObjectSample> samples, StatisticsQuery query, int depth) {
        Map<String, Group> groups = new TreeMap<>();
        boolean sized = !samples.isEmpty();
        for (LiveObjectSample s : samples) {
            List<Frame> frames = AllocationProfile.truncate(s.stack(), depth);
            Frame site = Frames.siteOf(s.stack()).orElse(null);
            if (site == null) {
                continue;
            }
            sized &= s.objectSizeBytes().isPresent();
            long size = s.objectSizeBytes().orElse(0);
            for (String key : keys(query, s.objectType(), site, frames)) {
                add(groups, key, tracebackOf(query, frames), size, 1);
            }
        }
        return new Groups(groups, depth, sized ? FigureBasis.SAMPLES : FigureBasis.UNAVAILABLE, FigureBasis.SAMPLES);
    }

    /** The keys a sample counts under: one, or with cumulative every distinct key of its user frames. */
    private static Set<String> keys(StatisticsQuery query, String type, Frame site, List<Frame> frames) {
        Set<String> keys = new LinkedHashSet<>();
        switch (query.groupBy()) {
            case TYPE -> keys.add(type);
            case TRACEBACK -> keys.add(tracebackKey(frames, site));
            default -> {
                keys.add(frameKey(query.groupBy(), site));
                if (query.cumulative()) {
                    for (Frame f : frames) {
                        if (!Frames.isInfrastructure(f)) {
                            keys.add(frameKey(query.groupBy(), f));
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static String frameKey(GroupBy groupBy, Frame frame) {
        if (frame == null) {
            return "(other tracebacks, over the snapshot's bound)";
        }
        return switch (groupBy) {
            case METHOD -> frame.methodKey();
            case FILE -> frame.fileKey();
            default -> frame.lineKey();
        };
    }

    private static String tracebackKey(List<Frame> frames, Frame site) {
        if (frames.isEmpty()) {
            return frameKey(GroupBy.LINE, site);
        }
        StringBuilder key = new StringBuilder();
        for (Frame f : frames) {
            if (key.length() > 0) {
                key.append(" <- ");
            }
            key.append(f.methodKey()).append(':').append(f.line());
        }
        return key.toString();
    }

    private static List<Frame> tracebackOf(StatisticsQuery query, List<Frame> frames) {
        return query.groupBy() == GroupBy.TRACEBACK ? frames : List.of();
    }

    private static void add(Map<String, Group> groups, String key, List<Frame> frames, long size, long count) {
        Group g = groups.computeIfAbsent(key, k -> new Group(frames));
        g.size += size;
        g.count += count;
    }
}
