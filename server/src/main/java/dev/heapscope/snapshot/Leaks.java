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
        List<LeakGroup> groups = new ArrayList<>();
        bySite(snapshot.liveObjects()).forEach((key, samples) -> groups.add(group(snapshot, samples, samples)));
        groups.sort(MOST_FIRST);
        return new LeakReport(snapshot.name(), snapshot.live().available(), snapshot.live().chainsIncluded(),
                snapshot.liveObjects().size(), groups.subList(0, Math.min(limit, groups.size())), notes(snapshot));
    }

    /** Groups whose samples gained since the baseline ({@link LiveGrowth}) outnumber those lost. */
    static LeakComparison compare(Snapshot snapshot, Snapshot baseline, int limit) {
        LiveGrowth growth = LiveGrowth.between(snapshot, baseline);
        Map<String, List<LiveObjectSample>> gained = bySite(growth.gained());
        Map<String, List<LiveObjectSample>> lost = bySite(growth.lost());
        Map<String, List<LiveObjectSample>> before = bySite(baseline.liveObjects());
        List<LeakGrowth> grown = new ArrayList<>();
        bySite(snapshot.liveObjects()).forEach((key, samples) -> {
            List<LiveObjectSample> mine = gained.getOrDefault(key, List.of());
            int diff = mine.size() - lost.getOrDefault(key, List.of()).size();
            if (diff > 0) {
                int old = before.getOrDefault(key, List.of()).size();
                grown.add(new LeakGrowth(old == 0 ? LeakGrowth.Status.NEW : LeakGrowth.Status.GROWN, old,
                        group(snapshot, samples, mine), diff));
            }
        });
        grown.sort(Comparator.comparingInt(LeakGrowth::samplesDiff).reversed()
                .thenComparing(LeakGrowth::group, MOST_FIRST));
        List<String> notes = new ArrayList<>(notes(snapshot));
        if (snapshot.live().available()) {
            if (!baseline.tracing()) {
                notes.add("tracing was off at the baseline '" + baseline.name() + "': every group counts as new");
            }
            notes.addAll(SnapshotNotes.liveComparison(snapshot, baseline));
        }
        return new LeakComparison(snapshot.name(), baseline.name(), snapshot.live().available(),
                grown.subList(0, Math.min(limit, grown.size())), notes);
    }

    /** Samples by site and type, in the order they come; samples without a site outside the JDK are left out. */
    private static Map<String, List<LiveObjectSample>> bySite(List<LiveObjectSample> samples) {
        Map<String, List<LiveObjectSample>> bySite = new LinkedHashMap<>();
        for (LiveObjectSample s : samples) {
            Frames.siteOf(s.stack()).ifPresent(site ->
                    bySite.computeIfAbsent(site.lineKey() + " " + s.objectType(), k -> new ArrayList<>()).add(s));
        }
        return bySite;
    }

    /**
     * One group. The representative, whose chain and traceback the group shows, is the oldest sample with a
     * chain among {@code candidates}: it has survived longest, so it is the likeliest leak.
     */
    private static LeakGroup group(Snapshot snapshot, List<LiveObjectSample> samples,
                                   List<LiveObjectSample> candidates) {
        int depth = snapshot.settings() == null ? Groups.DEFAULT_STACK_DEPTH : snapshot.settings().stackDepth();
        LiveObjectSample representative = candidates.stream()
                .max(Comparator.comparing((LiveObjectSample s) -> s.chain() != null)
                        .thenComparing(LiveObjectSample::age))
                .orElseThrow();
        Frame site = Frames.siteOf(representative.stack()).orElseThrow();
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
        if (!snapshot.live().available()) {
            return List.of(SnapshotNotes.unavailable(snapshot.live()));
        }
        List<String> notes = new ArrayList<>();
        notes.add("live sampled objects (jdk.OldObjectSample) that survived the full GC the snapshot ran;"
                + (snapshot.live().chainsIncluded()
                ? " chains run from the object to its GC root, each hop naming the holder's type and its field"
                + " or array index; no field values are reported"
                : " reference chains were not searched for this snapshot (referenceChains false)"));
        notes.addAll(SnapshotNotes.liveWindow(snapshot));
        return notes;
    }
}
