package dev.heapscope;

import dev.heapscope.heap.RootsService;
import dev.heapscope.snapshot.SnapshotListener;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.snapshot.SnapshotSummary;
import dev.heapscope.tracing.TracingListener;
import dev.heapscope.tracing.TracingStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * heapscope's own memory, as tracemalloc's {@code get_tracemalloc_memory()} reports tracemalloc's: the
 * deep size of what heapscope holds (the snapshots and their parsed samples, tracing's running sums and
 * live samples, the leak watch's ring, the memory timeline, reports kept computed, the walkers' per-class
 * tables), measured with heapscope's own walker.
 *
 * <p>Reading it never walks: {@link #bytes()} returns the last measurement. A measurement runs on one
 * short-lived daemon thread ({@code heapscope-own-memory-N}) after a change (a snapshot taken or
 * deleted, tracing started or stopped) and when a reader finds the figure older than {@link #MAX_AGE};
 * it is bounded to {@value #MAX_OBJECTS} objects and {@link #TIME_LIMIT}. Measurements start at most
 * once per {@link #MIN_GAP}: a client taking and deleting snapshots in a loop gets one walk per gap that
 * covers all its changes, not a walk per change competing with the host for its cores.
 */
public final class OwnMemory implements AutoCloseable, SnapshotListener, TracingListener {

    /** How old a figure may be before a read asks for a new one (answered by the next read). */
    public static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** Objects one measurement visits at most. */
    public static final long MAX_OBJECTS = 4_000_000;
    /** Time one measurement may take. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    /** The least time from the start of one measurement to the start of the next, unless asked on the caller's thread. */
    public static final Duration MIN_GAP = Duration.ofSeconds(2);

    private final RootsService walker;
    private final List<Supplier<Object>> state = new CopyOnWriteArrayList<>();
    private Object[] holder;
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(0, 1, 2, TimeUnit.SECONDS,
            new SynchronousQueue<>(), HeapscopeThreads.factory("own-memory"), new ThreadPoolExecutor.DiscardPolicy());
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private volatile Measured last = Measured.NONE;
    private volatile long lastStartNanos = System.nanoTime() - MIN_GAP.toNanos();

    /**
     * @param walker measures (its walker is thread-safe and walks here without the heavy-operation permit:
     *               heapscope's own state is small, immutable once published, and never the host's)
     * @param state  each supplies one part of heapscope's state, read at each measurement
     */
    public OwnMemory(RootsService walker, List<Supplier<Object>> state) {
        this.walker = walker;
        this.state.addAll(state);
        this.holder = new Object[state.size() + 1];
    }

    /**
     * A measurement.
     *
     * @param bytes           the deep size in bytes, or -1 when none was made yet
     * @param measuredAtNanos when it read heapscope's state ({@link System#nanoTime()}): it counts every change
     *                        made before, none made after
     * @param truncated       whether a bound stopped it (the figure is then a lower bound)
     */
    public record Measured(long bytes, long measuredAtNanos, boolean truncated) {
        static final Measured NONE = new Measured(-1, 0, false);
    }

    /**
     * The deep size of heapscope's state in bytes, as last measured; -1 before the first measurement. On JDK 24+
     * the first one waits for an operator's walk (see {@code RootsService.measureOwn}).
     */
    public long bytes() {
        Measured now = last;
        if (dirty.get() || System.nanoTime() - now.measuredAtNanos() > MAX_AGE.toNanos()) {
            remeasure();
        }
        return now.bytes();
    }

    /** The last measurement, for tests and the benchmark: waits for none. */
    public Measured last() {
        return last;
    }

    /** Counts one more part of heapscope's state from the next measurement on, such as an adapter's answers. */
    public synchronized void include(Supplier<Object> part) {
        state.add(part);
        holder = new Object[state.size() + 1];
        changed();
    }

    /** Measures now, on the caller's thread. */
    public synchronized Measured measureNow() {
        long start = System.nanoTime();
        lastStartNanos = start;
        dirty.set(false);
        for (int i = 0; i < state.size(); i++) {
            holder[i] = state.get(i).get();
        }
        Measured measured = walker.measureOwn(holder, MAX_OBJECTS, TIME_LIMIT)
                .map(size -> new Measured(size.deepBytes(), start, size.truncated()))
                .orElse(last);
        last = measured;
        return measured;
    }

    private void remeasure() {
        if (!thread.isShutdown()) {
            thread.execute(this::measureWhileChanged); // discarded when a measurement is waiting or running
        }
    }

    // a change made while a measurement waits is in it; one made while it walks gets the next
    private void measureWhileChanged() {
        do {
            long wait = lastStartNanos + MIN_GAP.toNanos() - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return; // closing
                }
            }
            measureNow();
        } while (dirty.get() && !thread.isShutdown());
    }

    private void changed() {
        dirty.set(true);
        remeasure();
    }

    @Override
    public void taken(SnapshotSummary snapshot) {
        changed();
    }

    @Override
    public void deleted(SnapshotSummary snapshot) {
        changed();
    }

    @Override
    public void started(TracingStatus status) {
        changed();
    }

    @Override
    public void stopped(TracingStatus status) {
        changed();
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(TIME_LIMIT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }
}
