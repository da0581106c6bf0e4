package dev.heapscope.snapshot;

import dev.heapscope.tracing.LiveSampleWindow;
import dev.heapscope.tracing.TraceDump;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The sentences that tell a reader what a view's figures are and where they fall short. */
final class SnapshotNotes {

    static final String TRACING_OFF = "tracing was off when the snapshot was taken";
    static final String LIVE_SAMPLING_OFF = "tracing ran with liveSampling false (no jdk.OldObjectSample)";
    static final String TYPE_VIEW = "groupBy=type&view=live (the class histogram, exact) shows net growth by type";

    private SnapshotNotes() {
    }

    /** A dump's live samples as a snapshot keeps them. */
    static LiveSamples liveSamples(TraceDump dump) {
        if (!dump.liveWindow().enabled()) {
            return LiveSamples.unavailable(LIVE_SAMPLING_OFF);
        }
        return new LiveSamples(true, null, dump.liveWindow(), dump.chainsIncluded(), dump.liveObjects());
    }

    /** What a new snapshot lacks, said once in its own notes. */
    static List<String> forCapture(LiveSamples live) {
        List<String> notes = new ArrayList<>();
        if (!live.available()) {
            notes.add(unavailable(live));
        } else {
            if (live.window().shared()) {
                notes.add(shared(live.window()));
            }
            if (!live.chainsIncluded()) {
                notes.add("reference chains were not searched (referenceChains false): the leak reports name"
                        + " allocation sites without the chains that keep the objects alive");
            }
        }
        return notes;
    }

    /** Which objects a snapshot's live samples can include, in one sentence. */
    static String window(Snapshot snapshot) {
        LiveSampleWindow window = snapshot.live().window();
        String from = window.from().equals(snapshot.tracingSince())
                ? "since tracing started (" + window.from() + ")"
                : "since the previous snapshot restarted JFR's sampler (" + window.from() + ")";
        return "live samples of '" + snapshot.name() + "': objects allocated " + from + " until " + window.until()
                + " that JFR's live-object sampler kept (at most 256 JVM-wide) and that survived the snapshot's"
                + " full GC; objects allocated earlier are not among them even if they are alive";
    }

    static List<String> forView(Snapshot snapshot, StatisticsQuery query) {
        List<String> notes = new ArrayList<>();
        boolean histogram = query.view() == View.LIVE && query.groupBy() == GroupBy.TYPE;
        if (query.groupBy() == GroupBy.ROOT) {
            notes.add("root: deep bytes and object counts of the registered roots alive at the snapshot (the view"
                    + " does not apply), from JOL's model of this JVM; weak/soft/phantom referents, classes, class"
                    + " loaders and threads are not followed");
            snapshot.roots().stream().filter(r -> r.size().truncated()).forEach(r -> notes.add("root '"
                    + r.name() + "' was truncated (" + r.size().truncationReason() + "): its figures are lower bounds"));
        } else if (histogram) {
            notes.add("live by type: exact instances and shallow bytes from the class histogram after a full GC");
        } else if (!snapshot.tracing()) {
            notes.add("tracing was off when '" + snapshot.name() + "' was taken, so its site views are empty;"
                    + " start tracing before taking snapshots");
        } else if (query.view() == View.ALLOCATED) {
            notes.add("allocated: sizes are estimated bytes (the sum of JFR allocation sample weights since"
                    + " tracing started, a rough estimate per site); counts are samples, not objects");
            if (snapshot.allocations().overflowed()) {
                notes.add("more than " + AllocationProfile.MAX_RECORDS + " distinct tracebacks: the rest are"
                        + " summed per type under one overflow key");
            }
        } else {
            notes.addAll(live(snapshot));
        }
        return notes;
    }

    static List<String> forComparison(Snapshot snapshot, Snapshot baseline, StatisticsQuery query) {
        List<String> notes = new ArrayList<>(forView(snapshot, query));
        boolean histogram = query.view() == View.LIVE && query.groupBy() == GroupBy.TYPE
                || query.groupBy() == GroupBy.ROOT;
        if (!histogram && snapshot.tracing() && !baseline.tracing()) {
            notes.add("tracing was off at the baseline '" + baseline.name() + "': every site counts as new");
        }
        if (!histogram && query.view() == View.ALLOCATED && snapshot.tracing() && baseline.tracing()
                && !Objects.equals(snapshot.tracingSince(), baseline.tracingSince())) {
            notes.add("tracing was restarted between the two snapshots: allocated figures cover different periods");
        }
        if (!histogram && query.view() == View.LIVE && snapshot.live().available()) {
            notes.addAll(liveComparison(snapshot, baseline));
        }
        if (snapshot.takenAt().isBefore(baseline.takenAt())) {
            notes.add("the baseline '" + baseline.name() + "' is newer than '" + snapshot.name()
                    + "': differences run backwards in time");
        }
        return notes;
    }

    /** What a snapshot's live samples are, or why it has none. */
    static List<String> live(Snapshot snapshot) {
        if (!snapshot.live().available()) {
            return List.of(unavailable(snapshot.live()));
        }
        List<String> notes = new ArrayList<>();
        notes.add("live: counts are sampled live objects (jdk.OldObjectSample), not all objects; sizes are the"
                + " sampled objects' own sizes where the JVM reports them (UNAVAILABLE otherwise)");
        notes.addAll(liveWindow(snapshot));
        return notes;
    }

    /** Which objects the live samples can include, and whether another recording shares the sampler. */
    static List<String> liveWindow(Snapshot snapshot) {
        LiveSampleWindow window = snapshot.live().window();
        return window.shared() ? List.of(window(snapshot), shared(window)) : List.of(window(snapshot));
    }

    /** What a live comparison counts, exactly. */
    static List<String> liveComparison(Snapshot snapshot, Snapshot baseline) {
        Instant cut = LiveGrowth.sampledAt(baseline);
        List<String> notes = new ArrayList<>();
        notes.add("live growth: count is '" + snapshot.name() + "''s live samples; countDiff counts those allocated"
                + " after '" + baseline.name() + "''s samples were taken (" + cut + ")"
                + (snapshot.takenAt().isBefore(baseline.takenAt())
                        ? ", less '" + baseline.name() + "''s allocated after '" + snapshot.name() + "''s were"
                        : "")
                + ". Objects that died are never subtracted (the sampler cannot tell which of '" + baseline.name()
                + "''s objects died): " + TYPE_VIEW);
        Instant from = snapshot.live().window().from();
        // the baseline restarted the sampler before it was done: a later start means another snapshot did
        if (from != null && from.isAfter(baseline.takenAt()) && !snapshot.live().window().shared()) {
            notes.add("objects allocated between " + cut + " and " + from + " are in neither snapshot's samples"
                    + " (another snapshot, yours or the leak watch's, was taken in between and restarted the sampler): compare consecutive"
                    + " snapshots to see growth in that time");
        }
        return notes;
    }

    static String unavailable(LiveSamples live) {
        return "no live samples: " + live.unavailableReason() + ", so the live views by line, method, file and"
                + " traceback and the leak reports (with their reference chains) are not available, which does"
                + " not mean there is no leak; the allocated views and " + TYPE_VIEW + " remain";
    }

    static String shared(LiveSampleWindow window) {
        return "another recording samples live objects too (" + window.sharedWith() + "), so heapscope left JFR's"
                + " JVM-wide sampler alone: the samples cover every object since tracing started that the sampler"
                + " kept, and once its queue (256) is full of live objects, objects allocated later are rarely"
                + " sampled, so new growth can be missing here; " + TYPE_VIEW;
    }
}
