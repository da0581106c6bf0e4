package dev.heapscope.snapshot;

import dev.heapscope.Names;
import dev.heapscope.HeapscopeException;
import dev.heapscope.OneAtATime;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.heap.HistogramReader;
import dev.heapscope.heap.RootSize;
import dev.heapscope.heap.RootsService;
import dev.heapscope.tracing.TraceDump;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.tracing.TracingSettings;
import dev.heapscope.tracing.TracingStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Named snapshots: take, list, get, delete, statistics and comparison. Taking a snapshot is a heavy
 * operation (a full GC, a JFR dump, a class histogram) and runs one at a time with the others.
 */
public final class SnapshotService {

    /** Snapshots a store keeps unless configured otherwise. */
    public static final int DEFAULT_CAPACITY = 32;

    private final SnapshotStore store;
    private final TracingService tracing;
    private final HistogramReader histograms;
    private final RootsService roots;
    private final OneAtATime heavy;
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();

    public SnapshotService(int capacity, TracingService tracing, HistogramReader histograms, RootsService roots,
                           OneAtATime heavy) {
        this.store = new SnapshotStore(capacity);
        this.tracing = tracing;
        this.histograms = histograms;
        this.roots = roots;
        this.heavy = heavy;
    }

    /** Tells a listener about snapshots taken and deleted (the JMX notifications). */
    public void addListener(SnapshotListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SnapshotListener listener) {
        listeners.remove(listener);
    }

    /** How many snapshots the store holds at most. */
    public int capacity() {
        return store.capacity();
    }

    /**
     * Takes a snapshot: a full GC, the class histogram, heap figures and, when tracing, the samples.
     *
     * @throws HeapscopeException.BadRequest for an invalid name
     * @throws HeapscopeException.Conflict   when the name is taken or the store is full
     * @throws HeapscopeException.Busy       when another heavy operation runs
     */
    public Snapshot take(String name) {
        Names.require("snapshot", name);
        store.checkRoomFor(name);
        Snapshot snapshot = heavy.run("snapshot '" + name + "'", () -> capture(name));
        store.add(snapshot);
        listeners.forEach(l -> l.taken(snapshot));
        return snapshot;
    }

    /**
     * Takes a snapshot that is not stored (the leak watch keeps its own ring): the same capture under the same
     * one-at-a-time guard, without the store's name and capacity rules and without telling listeners.
     *
     * @throws HeapscopeException.Busy when another heavy operation runs
     */
    public Snapshot captureUnstored(String name) {
        return heavy.run("watch snapshot '" + name + "'", () -> capture(name));
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
        listeners.forEach(l -> l.deleted(removed));
    }

    /** Statistics of one snapshot. @throws HeapscopeException.NotFound for an unknown name */
    public StatisticsReport statistics(String name, StatisticsQuery query) {
        return Statistics.of(store.get(name), query);
    }

    /** A snapshot compared to a baseline. @throws HeapscopeException.NotFound for an unknown name */
    public ComparisonReport compare(String name, String baseline, StatisticsQuery query) {
        Snapshot now = store.get(name);
        Snapshot before = store.get(baseline);
        return Statistics.compare(now, before, query);
    }

    /**
     * Live sampled objects of a snapshot grouped by allocation site, with chains to their GC roots.
     *
     * @param limit groups to return, 1..1000 (null: 10)
     * @throws HeapscopeException.NotFound for an unknown name
     */
    public LeakReport leaks(String name, Integer limit) {
        int n = Leaks.limit(limit);
        return Leaks.of(store.get(name), n);
    }

    /**
     * Leak groups new or grown since a baseline.
     *
     * @throws HeapscopeException.NotFound for an unknown name
     */
    public LeakComparison compareLeaks(String name, String baseline, Integer limit) {
        int n = Leaks.limit(limit);
        Snapshot now = store.get(name);
        return Leaks.compare(now, store.get(baseline), n);
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
        Snapshot snapshot = SnapshotDocument.read(document, name);
        Names.require("snapshot", snapshot.name());
        store.add(snapshot);
        return snapshot;
    }

    /** Drops every snapshot (on close). */
    public void clear() {
        store.clear();
    }

    private Snapshot capture(String name) {
        // the histogram's full GC is the one the dump needs: its old-object samples have all survived it
        ClassHistogram histogram = histograms.take();
        TraceDump dump = tracing.dumpAfterFullGc();
        TracingStatus status = tracing.status();
        // tracing may have stopped (or restarted) between the dump and now: keep what the dump holds
        TracingSettings settings = status.settings() == null ? TracingSettings.DEFAULTS : status.settings();
        List<String> notes = new ArrayList<>();
        AllocationProfile allocations = AllocationProfile.EMPTY;
        if (dump != null) {
            allocations = AllocationProfile.of(dump.allocations(), settings.stackDepth());
        } else {
            notes.add("tracing was off: the histogram and heap figures are here, the site views are empty");
        }
        return new Snapshot(name, Instant.now(), dump != null, dump == null ? null : status.since(),
                dump == null ? null : settings, heapFigures(histogram), histogram, allocations,
                dump == null ? List.of() : dump.liveObjects(), rootSizes(notes), notes);
    }

    private List<RootSize> rootSizes(List<String> notes) {
        try {
            return roots.sizeAllForSnapshot();
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
