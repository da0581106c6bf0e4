package dev.heapscope.tracing;

import dev.heapscope.HeapscopeThreads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * The allocation samples since tracing started, summed as they arrive by (type, traceback, site), so that
 * a snapshot copies sums whose number is bounded by distinct tracebacks, never by how long tracing ran.
 * Heapscope's own allocations (threads named {@code heapscope-*}, or whose first frame outside the JDK is
 * heapscope code) are left out.
 *
 * <p>Bounded: past {@value #MAX_KEYS} distinct keys, samples of a new traceback are summed into one
 * overflow entry per type and {@link Totals#overflowed()} says so.
 *
 * <p>Thread-safe: the tracing reader adds, a snapshot copies.
 */
final class AllocationSums {

    /** Distinct (type, traceback, site) sums kept. */
    static final int MAX_KEYS = 50_000;

    private final Instant since;
    private final Tracebacks tracebacks;
    private final FirstSamples<Key> firstSamples;
    private final Map<Key, long[]> sums = new HashMap<>();
    private long samples;
    private boolean overflowed;

    /**
     * @param since       when tracing started: earlier samples are left out
     * @param stackDepth  frames kept per traceback
     * @param atStart     each thread's allocated bytes when tracing started
     * @param threadsNow  reads each thread's allocated bytes now
     */
    AllocationSums(Instant since, int stackDepth, ThreadAllocations atStart,
                   Supplier<ThreadAllocations> threadsNow) {
        this.since = since;
        this.tracebacks = new Tracebacks(stackDepth);
        this.firstSamples = new FirstSamples<>(atStart, threadsNow);
    }

    /** Adds one {@code jdk.ObjectAllocationSample} event. */
    synchronized void add(RecordedEvent event) {
        if (event.getStartTime().isBefore(since)) {
            return;
        }
        RecordedThread thread = event.getThread("eventThread");
        if (thread != null && HeapscopeThreads.isHeapscopeThread(thread.getJavaName())) {
            return;
        }
        Traceback traceback = tracebacks.of(event.getStackTrace());
        Key key = traceback.heapscopeOwn ? null : new Key(tracebacks.typeOf(event.getClass("objectClass")), traceback);
        long weight = event.getLong("weight");
        if (thread != null && thread.getJavaThreadId() >= 0) {
            // heapscope's own samples still count as the thread's later samples when its first is bounded
            weight = firstSamples.accept(thread.getJavaThreadId(), key, weight);
        }
        if (weight >= 0 && key != null) {
            add(key, weight);
        }
    }

    /** The end of a batch of events JFR flushed: settles the first samples held back in it. */
    synchronized void endOfBatch() {
        firstSamples.settle(this::addSettled);
    }

    /** What the sums hold now; costs in proportion to the distinct keys, not to the samples. */
    synchronized Totals totals() {
        firstSamples.settle(this::addSettled);
        List<AllocationSample> list = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> list.add(new AllocationSample(key.type, sum[0], key.traceback.frames, sum[1],
                key.traceback.site)));
        return new Totals(list, samples, overflowed);
    }

    /** Threads remembered for the first-sample bound. */
    synchronized int threadsRemembered() {
        return firstSamples.threadsRemembered();
    }

    private void addSettled(Key key, long weight) {
        if (key != null) {
            add(key, weight);
        }
    }

    private void add(Key key, long weight) {
        long[] sum = sums.get(key);
        if (sum == null) {
            if (sums.size() >= MAX_KEYS && key.traceback != Traceback.OVERFLOW) {
                overflowed = true;
                add(new Key(key.type, Traceback.OVERFLOW), weight);
                return;
            }
            sum = new long[2];
            sums.put(key, sum);
        }
        sum[0] += weight;
        sum[1]++;
        samples++;
    }

    /**
     * The sums at one moment.
     *
     * @param allocations one entry per (type, traceback, site), plus an overflow entry per type past the bound
     * @param samples     events summed
     * @param overflowed  whether the bound of distinct keys was reached
     */
    record Totals(List<AllocationSample> allocations, long samples, boolean overflowed) {
        Totals {
            allocations = List.copyOf(allocations);
        }
    }

    private record Key(String type, Traceback traceback) {
    }
}
