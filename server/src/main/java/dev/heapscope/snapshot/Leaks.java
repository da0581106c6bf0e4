package dev.heapscope.snapshot;

import dev.heapscope.Ranges;
import dev.heapscope.tracing.Frame;
import dev.heapscope.tracing.Frames;
import dev.heapscope.tracing.LiveObjectSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Live sampled objects grouped by site: "which line keeps memory alive, and through what". */
final class Leaks {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1000;

    private static final Comparator<LeakGroup> MOST_FIRST = Comparator.comparingInt(LeakGroup::samples).reversed()
            .thenComparing(Comparator.comparingLong(LeakGroup::oldestAgeMillis).reversed())
            .thenComparing(LeakGroup::key);

    private Leaks() {
    }

    static int limit(Integer limit) {
        return Ranges.require("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    static LeakReport of(Snapshot snapshot, int limit) {
        List<LeakGroup> groups = groups(snapshot);
        return new LeakReport(snapshot.name(), snapshot.tracing(), snapshot.liveObjects().size(),
                groups.subList(0, Math.min(limit, groups.size())), notes(snapshot));
    }

    static LeakComparison compare(Snapshot snapshot, Snapshot baseline, int limit) {
        Map<String, Integer> before = new HashMap<>();
        groups(baseline).forEach(g -> before.put(g.key(), g.samples()));
        List<LeakGrowth> grown = new ArrayList<>();
        for (LeakGroup g : groups(snapshot)) {
            Integer old = before.get(g.key());
            if (old == null || g.samples() > old) {
                grown.add(old == null ? new LeakGrowth(LeakGrowth.Status.NEW, 0, g)
                        : new LeakGrowth(LeakGrowth.Status.GROWN, old, g));
            }
        }
        grown.sort(Comparator.comparingInt(LeakGrowth::samplesDiff).reversed()
                .thenComparing(growth -> growth.group(), MOST_FIRST));
        List<String> notes = new ArrayList<>(notes(snapshot));
        if (!baseline.tracing()) {
            notes.add("tracing was off at the baseline '" + baseline.name() + "': every group counts as new");
        }
        notes.add("live samples are a bounded sample (the JVM keeps a few hundred), so growth is in samples,"
                + " not objects; a group that persists and grows across snapshots is the signal");
        return new LeakComparison(snapshot.name(), baseline.name(), grown.subList(0, Math.min(limit, grown.size())),
                notes);
    }

    private static List<LeakGroup> groups(Snapshot snapshot) {
        int depth = snapshot.settings() == null ? Groups.DEFAULT_STACK_DEPTH : snapshot.settings().stackDepth();
        Map<String, List<LiveObjectSample>> bySite = new LinkedHashMap<>();
        Map<String, Frame> sites = new HashMap<>();
        for (LiveObjectSample s : snapshot.liveObjects()) {
            Frames.siteOf(s.stack()).ifPresent(site -> {
                String key = site.lineKey() + " " + s.objectType();
                bySite.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                sites.putIfAbsent(key, site);
            });
        }
        List<LeakGroup> groups = new ArrayList<>(bySite.size());
        bySite.forEach((key, samples) -> groups.add(group(sites.get(key), samples, depth)));
        groups.sort(MOST_FIRST);
        return groups;
    }

    private static LeakGroup group(Frame site, List<LiveObjectSample> samples, int depth) {
        // the oldest object with a chain represents the group: it has survived longest, so it is the likeliest leak
        LiveObjectSample representative = samples.stream()
                .max(Comparator.comparing((LiveObjectSample s) -> s.chain() != null)
                        .thenComparing(LiveObjectSample::age))
                .orElseThrow();
        Duration oldest = samples.stream().map(LiveObjectSample::age).max(Comparator.naturalOrder()).orElseThrow();
        List<String> traceback = new ArrayList<>();
        for (Frame f : representative.stack().subList(0, Math.min(depth, representative.stack().size()))) {
            traceback.add(f.methodKey() + " (" + f.lineKey() + ")");
        }
        return new LeakGroup(site.lineKey(), traceback, representative.objectType(), samples.size(), oldest.toMillis(),
                representative.chain());
    }

    private static List<String> notes(Snapshot snapshot) {
        if (!snapshot.tracing()) {
            return List.of("tracing was off when '" + snapshot.name() + "' was taken, so it holds no live samples"
                    + " and no reference chains; start tracing before taking snapshots");
        }
        return List.of("live sampled objects (jdk.OldObjectSample) that survived the full GC the snapshot ran;"
                + " chains run from the object to its GC root, each hop naming the holder's type and its field"
                + " or array index; no field values are reported");
    }
}
