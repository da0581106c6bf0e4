package dev.heapscope.snapshot;

import dev.heapscope.HeapscopeException;
import dev.heapscope.Listeners;
import dev.heapscope.Names;
import dev.heapscope.OneAtATime;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.heap.HistogramReader;
import dev.heapscope.heap.RootSize;
import dev.heapscope.heap.RootsService;
import dev.heapscope.tracing.TraceDump;
import dev.heapscope.tracing.TracingService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Named snapshots: take, list, get, delete, statistics and comparison. Taking a snapshot is a heavy
 * operation (a full GC, a JFR dump, a class histogram) and runs one at a time with the others.
 */
public final class SnapshotService {

    /** Snapshots a store keeps unless configured otherwise. */
    public static final int DEFAULT_CAPACITY = 32;
    /**
     * What a dump allocates at most: the copy of the running sums (at most AllocationProfile.MAX_RECORDS
     * records) and the live samples; nothing is parsed from a file any more.
     */
    private static final long DUMP_BYTES = 16L * 1024 * 1024;

    private final SnapshotStore store;
    private final TracingService tracing;
    private final HistogramReader histograms;
    private final RootsService roots;
    private final OneAtATime heavy;
    private final Listeners<SnapshotListener> listeners = new Listeners<>();
    private final SnapshotCompactor compactor = new SnapshotCompactor();
    private final ReportCache reports = new ReportCache();

    public SnapshotService(int capacity, TracingService tracing, HistogramReader histograms, RootsService roots,
                           OneAtATime heavy) {
        this.store = new SnapshotStore(capacity);
        this.tracing = tracing;
        this.histograms = histograms;
        this.roots = roots;
        this.heavy = heavy;
    }

    /** Told of snapshots taken and deleted (the JMX notifications). */
    public Listeners<SnapshotListener> listeners() {
        return listeners;
    }

    /** How many snapshots the store holds at most. */
    public int capacity() {
        return store.capacity();
    }

    /**
     * Takes a snapshot with reference chains: a full GC, the class histogram, heap figures and, when
     * tracing, the samples.
     *
     * @throws HeapscopeException.BadRequest for an invalid name
     * @throws HeapscopeException.Conflict   when the name is taken or the store is full
     * @throws HeapscopeException.Busy       when another heavy operation runs
     * @throws HeapscopeException.Unavailable when the heap is too full to take it (with a retry delay)
     */
    public Snapshot take(String name) {
        return take(name, true);
    }

    /**
     * Takes a snapshot, with or without searching reference chains for its live samples. The search
     * pauses the host at a safepoint for about 37 ns per live object (about 0.4 s for 11 M objects; at
     * most 5 s); without it the live samples and their allocation sites are still there, without chains.
     *
     * @throws HeapscopeException.BadRequest for an invalid name
     * @throws HeapscopeException.Conflict   when the name is taken or the store is full
     * @throws HeapscopeException.Busy       when another heavy operation runs
     */
    public Snapshot take(String name, boolean referenceChains) {
        Names.require("snapshot", name);
        store.checkRoomFor(name);
        Snapshot snapshot = heavy.run("snapshot '" + name + "'", estimatedBytes(), true,
                () -> compactor.compact(capture(name, referenceChains)));
        store.add(snapshot);
        listeners.tell(l -> l.taken(snapshot.summary()));
        return snapshot;
    }

    /**
     * What the store holds (the snapshots, the table they share values through and the reports computed
     * from them), for heapscope's own memory.
     */
    public Object ownState() {
        return new Object[] {store.all(), compactor.table(), reports.held()};
    }

    /**
     * Takes a snapshot that is not stored (the leak watch keeps its own ring): the same capture under the same
     * one-at-a-time guard and heap check, without the store's name and capacity rules and without telling
     * listeners. It shares its values with the stored snapshots as they share theirs.
     *
     * @throws HeapscopeException.Busy        when another heavy operation runs
     * @throws HeapscopeException.Unavailable when the heap is too full to take it (with a retry delay)
     */
    public Snapshot captureUnstored(String name) {
        return heavy.run("watch snapshot '" + name + "'", estimatedBytes(), true,
                () -> compactor.compact(capture(name, true)));
    }

    public List<Snapshot> list() {
        return store.all();
    }

    /** @throws HeapscopeException.NotFound for an unknown name */
    public Snapshot get(String name) {
        return store.get(name);
    }

    /** @throws HeapscopeException.NotFound for an unknown name */
    public void delete(String name) {
        Snapshot removed = store.remove(name);
        reports.forget(name);
        listeners.tell(l -> l.deleted(removed.summary()));
    }

    /** Statistics of one snapshot. @throws HeapscopeException.NotFound for an unknown name */
    public StatisticsReport statistics(String name, StatisticsQuery query) {
        Snapshot snapshot = store.get(name);
        return reports.get("statistics", snapshot, null, query, () -> Statistics.of(snapshot, query));
    }

    /** A snapshot compared to a baseline. @throws HeapscopeException.NotFound for an unknown name */
    public ComparisonReport compare(String name, String baseline, StatisticsQuery query) {
        Snapshot now = store.get(name);
        Snapshot before = store.get(baseline);
        return reports.get("compare", now, before, query, () -> Statistics.compare(now, before, query));
    }

    /**
     * Live sampled objects of a snapshot grouped by allocation site, with chains to their GC roots.
     *
     * @param limit groups to return, 1..1000 (null: 10)
     * @throws HeapscopeException.NotFound for an unknown name
     */
    public LeakReport leaks(String name, Integer limit) {
        int n = Leaks.limit(limit);
        Snapshot snapshot = store.get(name);
        return reports.get("leaks", snapshot, null, n, () -> Leaks.of(snapshot, n));
    }

    /**
     * Leak groups new or grown since a baseline.
     *
     * @throws HeapscopeException.NotFound for an unknown name
     */
    public LeakComparison compareLeaks(String name, String baseline, Integer limit) {
        int n = Leaks.limit(limit);
        Snapshot now = store.get(name);
        Snapshot before = store.get(baseline);
        return reports.get("compare-leaks", now, before, n, () -> Leaks.compare(now, before, n));
    }

    /**
     * The snapshot as one self-contained, versioned JSON document ({@link SnapshotDocument}), UTF-8 bytes.
     *
     * @throws HeapscopeException.NotFound for an unknown name
     */
    public byte[] export(String name) {
        return SnapshotDocument.export(store.get(name), Instant.now());
    }

    /**
     * Adds an exported snapshot to the store, under {@code name} or, when null, its own name. Listeners are not
     * told: the snapshot was taken elsewhere, earlier.
     *
     * @param document the document as parsed JSON (maps, lists, strings, numbers)
     * @throws HeapscopeException.BadRequest for an invalid name or a document that is not a snapshot of this
     *                                       format and version, saying why
     * @throws HeapscopeException.Conflict   when the name is taken or the store is full
     */
    public Snapshot importDocument(Object document, String name) {
        if (name != null) {
            Names.require("snapshot", name);
        }
        Snapshot snapshot = compactor.compact(SnapshotDocument.read(document, name));
        Names.require("snapshot", snapshot.name());
        store.add(snapshot);
        return snapshot;
    }

    /** Drops every snapshot and keeps none taken later (on close). */
    public void close() {
        store.close();
    }

    /**
     * What taking a snapshot allocates at most, estimated: the class histogram, the parse of the tracing
     * dump (a copy of the running sums and the live samples) and the tables of the widest walk of a
     * registered root.
     */
    private long estimatedBytes() {
        long dump = tracing.recordingBytes() > 0 ? DUMP_BYTES : 0;
        return HistogramReader.estimatedBytes() + dump + roots.snapshotWalkBytes();
    }

    private Snapshot capture(String name, boolean referenceChains) {
        long started = System.nanoTime();
        // the histogram's full GC is the one the dump needs: its old-object samples have all survived it
        ClassHistogram histogram = histograms.take();
        long histogramDone = System.nanoTime();
        TraceDump dump = tracing.dumpAfterFullGc(referenceChains);
        List<String> notes = new ArrayList<>();
        AllocationProfile allocations = AllocationProfile.EMPTY;
        LiveSamples live;
        if (dump != null) {
            allocations = AllocationProfile.of(dump.allocations(), dump.settings().stackDepth(),
                    dump.allocationsOverflowed());
            live = SnapshotNotes.liveSamples(dump);
            notes.addAll(dump.notes());
            notes.addAll(SnapshotNotes.forCapture(live));
        } else {
            live = LiveSamples.unavailable(SnapshotNotes.TRACING_OFF);
            notes.add("tracing was off: the histogram and heap figures are here, the site views are empty");
        }
        long rootsStarted = System.nanoTime();
        List<RootSize> rootSizes = rootSizes(notes);
        long done = System.nanoTime();
        CaptureCost cost = new CaptureCost(Duration.ofNanos(histogramDone - started),
                dump == null ? null : dump.cost(), Duration.ofNanos(done - rootsStarted), Duration.ofNanos(done - started));
        return new Snapshot(name, Instant.now(), dump != null, dump == null ? null : dump.since(),
                dump == null ? null : dump.settings(), heapFigures(histogram), histogram, allocations, live,
                rootSizes, notes, cost);
    }

    private List<RootSize> rootSizes(List<String> notes) {
        try {
            return roots.sizeAllForSnapshot(notes);
        } catch (HeapscopeException.Unavailable e) {
            notes.add(e.getMessage());
            return List.of();
        }
    }

    private static HeapFigures heapFigures(ClassHistogram histogram) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        return new HeapFigures(heap.getUsed(), heap.getCommitted(), heap.getMax(),
                memory.getNonHeapMemoryUsage().getUsed(), histogram.totalBytes(), histogram.totalInstances());
    }
}
