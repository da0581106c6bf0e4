package dev.heapscope.timeline;

import dev.heapscope.Ticker;
import dev.heapscope.snapshot.SnapshotListener;
import dev.heapscope.snapshot.SnapshotSummary;
import dev.heapscope.tracing.TracingListener;
import dev.heapscope.tracing.TracingStatus;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory over time, from heapscope's start (mprof for the JVM): every second heap used and committed,
 * non-heap used and each memory pool's use; after every garbage collection each pool's use and the
 * collection's collector, cause and duration (from the JVM's own notifications, no polling); and marks
 * when tracing starts or stops and when a snapshot is taken.
 *
 * <p>Bounded from the start, in primitive arrays sized up front: the last {@value #FINE_SECONDS} seconds
 * at one per second, then {@value #COARSE_MINUTES} minutes (a week) at one point per minute holding each
 * minute's largest figures, the last {@value #MAX_COLLECTIONS} collections and {@value #MAX_MARKS} marks.
 * {@link #bounds()} says what that costs in bytes (about 2 MB with G1's eight pools).
 *
 * <p>One daemon thread, {@code heapscope-timeline-1}, samples; {@link #close()} stops it and removes the
 * GC listeners. Reads take a short lock the sampler also takes for a few array writes.
 */
public final class MemoryTimeline implements AutoCloseable, TracingListener, SnapshotListener {

    public static final int FINE_SECONDS = 3600;
    public static final int COARSE_MINUTES = 7 * 24 * 60;
    public static final int MAX_COLLECTIONS = 10_000;
    public static final int MAX_MARKS = 1000;
    /** Distinct collector names and GC causes kept; more (never seen in practice) read as "other". */
    static final int MAX_NAMES = 64;

    private static final int GC_FIXED_COLUMNS = 6; // time, duration, collector, cause, heap after, (spare)

    private final Clock clock;
    private final MemoryPools pools = new MemoryPools();
    private final LongRing fine;
    private final LongRing coarse;
    private final Thinning thinning;
    private final LongRing collections;
    private final MarkRing marks;
    private final List<String> names = new ArrayList<>();
    private final long[] row;
    private final long[] evicted;
    private final long[] gcRow;
    private final Ticker sampler;
    private final GcNotifications gcNotifications;
    private long collectionsSeen;
    private boolean closed;

    MemoryTimeline(Clock clock, int fineSeconds, int coarseMinutes, int maxCollections, int maxMarks,
                   boolean sampleEverySecond) {
        this.clock = clock;
        int width = MemoryPools.FIXED_COLUMNS + pools.count();
        this.fine = new LongRing(fineSeconds, width);
        this.coarse = new LongRing(coarseMinutes, width);
        this.thinning = new Thinning(coarse, 60_000);
        this.collections = new LongRing(maxCollections, GC_FIXED_COLUMNS + pools.count());
        this.marks = new MarkRing(maxMarks);
        this.row = new long[width];
        this.evicted = new long[width];
        this.gcRow = new long[collections.width()];
        this.gcNotifications = new GcNotifications(this::collected);
        if (sampleEverySecond) {
            sampler = Ticker.start("timeline", Duration.ofSeconds(1), this::sampleNow);
        } else {
            sampler = null;
        }
    }

    /** Starts the timeline with its default bounds and its sampler thread. */
    public static MemoryTimeline start() {
        return new MemoryTimeline(Clock.systemUTC(), FINE_SECONDS, COARSE_MINUTES, MAX_COLLECTIONS, MAX_MARKS, true);
    }

    /** What the timeline keeps and the bytes its arrays take. */
    public TimelineBounds bounds() {
        long arrays = 8L * (fine.capacity() + coarse.capacity()) * fine.width()
                + 8L * collections.capacity() * collections.width() + 4 * 16;
        return new TimelineBounds(fine.capacity(), coarse.capacity(), collections.capacity(), marks.capacity(),
                arrays + marks.bytes());
    }

    /** Marks a moment (a watch snapshot, a watch starting) on the timeline. */
    public synchronized void mark(Instant time, MarkKind kind, String name) {
        marks.add(time.toEpochMilli(), kind, name);
    }

    @Override
    public void started(TracingStatus status) {
        mark(clock.instant(), MarkKind.TRACING_STARTED, "tracing started");
    }

    @Override
    public void stopped(TracingStatus before) {
        mark(clock.instant(), MarkKind.TRACING_STOPPED, "tracing stopped");
    }

    @Override
    public void taken(SnapshotSummary snapshot) {
        mark(snapshot.takenAt(), MarkKind.SNAPSHOT, snapshot.name());
    }

    @Override
    public void deleted(SnapshotSummary snapshot) {
        // a deleted snapshot was still taken at its moment: its mark stays
    }

    /** Collections seen since the start (kept or not). */
    public synchronized long collectionsSeen() {
        return collectionsSeen;
    }

    /**
     * The heap pools' use right after the most recent collection, bytes, and when it ended; null before the
     * first collection.
     */
    public synchronized GcPoint lastCollection() {
        return collections.size() == 0 ? null : gcPoint(collections.size() - 1);
    }

    /** The heap's maximum in bytes, or -1 when the JVM defines none. */
    public long maxHeapBytes() {
        return pools.maxHeapBytes();
    }

    /** The timeline between two moments, at most {@code query.maxPoints()} memory points and collections. */
    public synchronized TimelineView view(TimelineQuery query) {
        long from = query.since().toEpochMilli();
        long to = query.until().toEpochMilli();
        long[] pending = thinning.pending();
        int coarseFrom = coarse.firstAtOrAfter(from);
        int coarseTo = coarse.firstAtOrAfter(to + 1);
        int fineFrom = fine.firstAtOrAfter(from);
        int fineTo = fine.firstAtOrAfter(to + 1);
        boolean pendingIn = pending != null && pending[0] >= from && pending[0] <= to;
        int rows = (coarseTo - coarseFrom) + (fineTo - fineFrom) + (pendingIn ? 1 : 0);
        long oldest = oldestMillis(pending);
        long shownFrom = Math.max(from, oldest);
        long width = Buckets.widthFor(shownFrom, to, rows, query.maxPoints());
        Buckets buckets = new Buckets(shownFrom, width, pools.count());
        long[] buffer = new long[fine.width()];
        for (int i = coarseFrom; i < coarseTo; i++) {
            coarse.copy(i, buffer);
            buckets.add(buffer, 60);
        }
        if (pendingIn) {
            buckets.add(pending, 60);
        }
        for (int i = fineFrom; i < fineTo; i++) {
            fine.copy(i, buffer);
            buckets.add(buffer, 1);
        }
        int gcFrom = collections.firstAtOrAfter(from);
        int gcTo = collections.firstAtOrAfter(to + 1);
        int gcFirst = Math.max(gcFrom, gcTo - query.maxPoints());
        List<GcPoint> gcs = new ArrayList<>(gcTo - gcFirst);
        for (int i = gcFirst; i < gcTo; i++) {
            gcs.add(gcPoint(i));
        }
        return new TimelineView(Instant.ofEpochMilli(oldest == Long.MAX_VALUE ? from : shownFrom), query.until(),
                pools.maxHeapBytes(), pools.names(), heapFlags(), buckets.points(), gcs, marks.between(from, to),
                width > 0, gcFirst > gcFrom, bounds());
    }

    /** Takes one sample now (the sampler's job; tests call it to fill the rings quickly). */
    void sampleNow() {
        sampleAt(clock.millis());
    }

    synchronized void sampleAt(long timeMillis) {
        if (closed) {
            return;
        }
        pools.read(timeMillis, row);
        if (fine.add(row, evicted)) {
            thinning.fold(evicted);
        }
    }

    synchronized void collected(GcNotifications.Collection c) {
        collectionsSeen++;
        gcRow[0] = c.endEpochMillis();
        gcRow[1] = c.durationMillis();
        gcRow[2] = nameIndex(c.collector());
        gcRow[3] = nameIndex(c.cause());
        long heapAfter = 0;
        for (int i = 0; i < pools.count(); i++) {
            MemoryUsage usage = c.usageAfter().get(pools.names().get(i));
            long used = usage == null ? 0 : usage.getUsed();
            gcRow[GC_FIXED_COLUMNS + i] = used;
            if (pools.isHeap(i)) {
                heapAfter += used;
            }
        }
        gcRow[4] = heapAfter;
        // notifications from two collectors may arrive out of order: the ring keeps time order
        if (collections.size() > 0 && gcRow[0] < collections.time(collections.size() - 1)) {
            gcRow[0] = collections.time(collections.size() - 1);
        }
        collections.add(gcRow, null);
    }

    /** Stops the sampler thread and removes the GC listeners; the figures are dropped. Idempotent. */
    @Override
    public void close() {
        if (sampler != null) {
            sampler.close();
        }
        gcNotifications.close();
        synchronized (this) {
            closed = true;
            fine.clear();
            coarse.clear();
            thinning.clear();
            collections.clear();
            marks.clear();
        }
    }

    /** Whether the sampler thread has ended (after close). */
    boolean samplerTerminated() {
        return sampler == null || sampler.ended();
    }

    private long oldestMillis(long[] pending) {
        if (coarse.size() > 0) {
            return coarse.time(0);
        }
        if (pending != null) {
            return pending[0];
        }
        return fine.size() > 0 ? fine.time(0) : Long.MAX_VALUE;
    }

    private List<Boolean> heapFlags() {
        List<Boolean> flags = new ArrayList<>(pools.count());
        for (int i = 0; i < pools.count(); i++) {
            flags.add(pools.isHeap(i));
        }
        return flags;
    }

    private GcPoint gcPoint(int i) {
        List<Long> after = new ArrayList<>(pools.count());
        for (int p = 0; p < pools.count(); p++) {
            after.add(collections.get(i, GC_FIXED_COLUMNS + p));
        }
        return new GcPoint(Instant.ofEpochMilli(collections.time(i)), name(collections.get(i, 2)),
                name(collections.get(i, 3)), collections.get(i, 1), collections.get(i, 4), after);
    }

    private int nameIndex(String name) {
        int index = names.indexOf(name);
        if (index >= 0) {
            return index;
        }
        if (names.size() >= MAX_NAMES) {
            return -1;
        }
        names.add(name);
        return names.size() - 1;
    }

    private String name(long index) {
        return index < 0 ? "other" : names.get((int) index);
    }

    /** The rings, to count in heapscope's own memory: fixed in size once built. */
    public Object ownState() {
        return new Object[] {fine, coarse, collections, marks, names};
    }
}
