package dev.heapscope.tracing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Bounds each thread's first allocation sample after tracing started.
 *
 * <p>A sample's weight is what its thread allocated since that thread's previous sample, which JFR
 * remembers per thread across recordings. A thread's first sample after tracing started can so carry
 * hundreds of megabytes allocated before the start (measured on JDK 17 and 25) and put them on whatever
 * line it happened to hit. Its honest part is at most what the thread allocated since the start
 * (ThreadMXBean, exact) less what its later samples account for.
 *
 * <p>Samples arrive as JFR flushes them, so a first sample is held back only until the end of the batch
 * it came in ({@link #settle}): by then the batch's later samples of that thread are known, and the cap
 * is the thread's allocation since the start, read then, less those. The cap is at least the true part:
 * what it adds on top is the thread's allocation since its last sample, a buffer or so. Threads that
 * started after tracing did carry only their own allocation since they started, which the cap leaves
 * whole. Where the JVM cannot tell (a thread that ended, allocation accounting off) the first sample
 * counts as at most the average of that thread's later samples in the batch, or not at all.
 *
 * <p>Memory: one small entry per live thread that has been sampled; ended threads are forgotten at
 * the next settle. Not thread-safe: the caller serialises.
 *
 * @param <K> what a sample is summed under
 */
final class FirstSamples<K> {

    private final ThreadAllocations atStart;
    private final Supplier<ThreadAllocations> now;
    private final Map<Long, ThreadSamples<K>> threads = new HashMap<>();
    private final List<ThreadSamples<K>> held = new ArrayList<>();

    /**
     * @param atStart each thread's allocated bytes when tracing started
     * @param now     reads each live thread's allocated bytes now
     */
    FirstSamples(ThreadAllocations atStart, Supplier<ThreadAllocations> now) {
        this.atStart = atStart;
        this.now = now;
    }

    /**
     * Takes one sample of a thread.
     *
     * @return the weight to sum now, or -1 when the sample is held back as its thread's first
     */
    long accept(long javaThreadId, K key, long weight) {
        ThreadSamples<K> samples = threads.get(javaThreadId);
        if (samples == null) {
            samples = new ThreadSamples<>(javaThreadId, key, weight);
            threads.put(javaThreadId, samples);
            held.add(samples);
            return -1;
        }
        if (samples.holding) {
            samples.laterWeights += weight;
            samples.laterCount++;
        }
        return weight;
    }

    /** Gives every held first sample its bounded weight (when above 0) and forgets ended threads. */
    void settle(BiConsumer<K, Long> sink) {
        if (held.isEmpty()) {
            return;
        }
        ThreadAllocations current = now.get();
        for (ThreadSamples<K> samples : held) {
            long weight = bounded(samples, current);
            if (weight > 0) {
                sink.accept(samples.key, weight);
            }
            samples.release();
        }
        held.clear();
        if (current.known()) {
            for (Iterator<Long> ids = threads.keySet().iterator(); ids.hasNext(); ) {
                if (!current.knows(ids.next())) {
                    ids.remove();
                }
            }
        }
    }

    /** Threads remembered, for tests of the memory bound. */
    int threadsRemembered() {
        return threads.size();
    }

    private long bounded(ThreadSamples<K> samples, ThreadAllocations current) {
        Long allocated = current.allocatedSince(atStart, samples.javaThreadId);
        if (allocated != null) {
            return Math.min(samples.weight, Math.max(0, allocated - samples.laterWeights));
        }
        if (atStart.known() && !atStart.knows(samples.javaThreadId)) {
            // started after tracing did and ended since: its first sample weighed only its own allocation
            return samples.weight;
        }
        return samples.laterCount == 0 ? 0 : Math.min(samples.weight, samples.laterWeights / samples.laterCount);
    }

    /** A thread's first sample, held until the end of its batch, and what its later samples weighed. */
    private static final class ThreadSamples<K> {
        final long javaThreadId;
        K key;
        long weight;
        boolean holding = true;
        long laterWeights;
        int laterCount;

        ThreadSamples(long javaThreadId, K key, long weight) {
            this.javaThreadId = javaThreadId;
            this.key = key;
            this.weight = weight;
        }

        void release() {
            holding = false;
            key = null;
        }
    }
}
