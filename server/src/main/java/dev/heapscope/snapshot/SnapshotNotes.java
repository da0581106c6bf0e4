package dev.heapscope.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The sentences that tell a reader what a view's figures are and where they fall short. */
final class SnapshotNotes {

    private SnapshotNotes() {
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
            notes.add("live: counts are sampled live objects (jdk.OldObjectSample, at most a few hundred),"
                    + " taken after a full GC; sizes are the sampled objects' own sizes where the JVM reports"
                    + " them (UNAVAILABLE otherwise)");
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
        if (snapshot.takenAt().isBefore(baseline.takenAt())) {
            notes.add("the baseline '" + baseline.name() + "' is newer than '" + snapshot.name()
                    + "': differences run backwards in time");
        }
        return notes;
    }
}
