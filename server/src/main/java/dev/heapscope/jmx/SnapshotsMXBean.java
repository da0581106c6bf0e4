package dev.heapscope.jmx;

import java.util.List;
import javax.management.MBeanOperationInfo;

/**
 * Named snapshots, their statistics and comparisons, as {@code /api/v1/snapshots...} offers them over
 * REST ({@code dev.heapscope:type=Snapshots}). Results are CompositeData (the getters of the view types
 * become its items). The {@link Description} of each member is the reference. Emits
 * {@link JmxEvents#SNAPSHOT_TAKEN} and {@link JmxEvents#SNAPSHOT_DELETED} whichever adapter asked.
 */
@Description("heapscope named snapshots (tracemalloc's take_snapshot, statistics and compare_to): the class"
        + " histogram and heap figures after a full GC and, while tracing, the allocation and live samples.")
public interface SnapshotsMXBean {

    @Description("Every snapshot held, oldest first: name, time, whether tracing was on, heap figures, notes.")
    List<SnapshotView> getSnapshots();

    @Description("How many snapshots the store holds at most; taking one more fails until one is deleted.")
    int getCapacity();

    @Description(value = "Takes a snapshot: a full GC, the class histogram, heap figures and, while tracing, the"
            + " samples. Heavy: one at a time (IllegalStateException when another runs). Fails with"
            + " IllegalStateException when the name is taken or the store is full.",
            impact = MBeanOperationInfo.ACTION)
    SnapshotView take(@Param(name = "name", description = "1 to 64 characters from A-Z a-z 0-9 . _ -,"
            + " starting with a letter or digit") String name);

    @Description("One snapshot's summary. Unknown names fail with IllegalArgumentException.")
    SnapshotView snapshot(@Param(name = "name", description = "the snapshot's name") String name);

    @Description(value = "Deletes a snapshot. Unknown names fail with IllegalArgumentException.",
            impact = MBeanOperationInfo.ACTION)
    void delete(@Param(name = "name", description = "the snapshot's name") String name);

    @Description("Statistics of one snapshot, biggest first (tracemalloc's Snapshot.statistics). sizeBasis and"
            + " countBasis say what the figures are: ESTIMATED bytes, SAMPLES or EXACT.")
    StatisticsView statistics(
            @Param(name = "name", description = "the snapshot's name") String name,
            @Param(name = "groupBy", description = "line, method, file, type, traceback or"
                    + " root (the deep sizes of registered roots)") String groupBy,
            @Param(name = "view", description = "allocated (since tracing started, estimated from JFR samples)"
                    + " or live (alive at the snapshot, after a full GC)") String view,
            @Param(name = "cumulative", description = "count every frame of a traceback, not only the first"
                    + " outside the JDK (line, method and file only)") boolean cumulative,
            @Param(name = "limit", description = "entries to return, 1..1000 (REST default 10)") int limit,
            @Param(name = "stackDepth", description = "frames per traceback, 1..64; 0 for the depth tracing ran"
                    + " with") int stackDepth);

    @Description("A snapshot compared to a baseline, biggest absolute size difference first (tracemalloc's"
            + " compare_to): size, sizeDiff, count, countDiff, average per key.")
    ComparisonView compare(
            @Param(name = "name", description = "the newer snapshot's name") String name,
            @Param(name = "baseline", description = "the older snapshot's name") String baseline,
            @Param(name = "groupBy", description = "line, method, file, type, traceback or"
                    + " root (the deep sizes of registered roots)") String groupBy,
            @Param(name = "view", description = "allocated (since tracing started, estimated from JFR samples)"
                    + " or live (alive at the snapshot, after a full GC)") String view,
            @Param(name = "cumulative", description = "count every frame of a traceback, not only the first"
                    + " outside the JDK (line, method and file only)") boolean cumulative,
            @Param(name = "limit", description = "entries to return, 1..1000 (REST default 10)") int limit,
            @Param(name = "stackDepth", description = "frames per traceback, 1..64; 0 for the depth tracing ran"
                    + " with") int stackDepth);

    @Description("Live sampled objects of a snapshot grouped by allocation site and type, most samples first,"
            + " each with the chain that keeps its oldest object alive (objgraph.find_backref_chain). Samples"
            + " are a bounded sample (a few hundred objects), taken after a full GC.")
    LeakReportView leaks(
            @Param(name = "name", description = "the snapshot's name") String name,
            @Param(name = "limit", description = "groups to return, 1..1000 (REST default 10)") int limit);

    @Description("Leak groups new or grown (in samples) since a baseline, biggest growth first: a group that"
            + " persists and grows across snapshots is the signal.")
    LeakComparisonView compareLeaks(
            @Param(name = "name", description = "the newer snapshot's name") String name,
            @Param(name = "baseline", description = "the older snapshot's name") String baseline,
            @Param(name = "limit", description = "groups to return, 1..1000 (REST default 10)") int limit);
}
