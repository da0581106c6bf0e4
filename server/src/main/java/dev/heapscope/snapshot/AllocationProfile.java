package dev.heapscope.snapshot;

import dev.heapscope.tracing.AllocationSample;
import dev.heapscope.tracing.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot's allocation samples, summed by (type, traceback). The number of distinct records is
 * bounded: past {@link #MAX_RECORDS} further tracebacks are summed into one overflow record per type,
 * and {@link #overflowed()} says so.
 *
 * @param records    the summed samples
 * @param samples    how many samples went in
 * @param overflowed whether the bound was reached
 */
public record AllocationProfile(List<AllocationRecord> records, long samples, boolean overflowed) {

    /** Distinct (type, traceback) pairs a snapshot keeps. */
    public static final int MAX_RECORDS = 50_000;

    public static final AllocationProfile EMPTY = new AllocationProfile(List.of(), 0, false);

    public AllocationProfile {
        records = List.copyOf(records);
    }

    /**
     * Sums samples whose site lies outside the JDK and heapscope, keeping {@code stackDepth} frames. A
     * sample without a site is an overflow entry of the tracer's own bound (its stack is empty) and is
     * summed under its type's overflow record.
     *
     * @param overflowed whether the samples themselves already went past the tracer's bound
     */
    public static AllocationProfile of(List<AllocationSample> samples, int stackDepth, boolean overflowed) {
        Map<Key, long[]> sums = new HashMap<>();
        long counted = 0;
        for (AllocationSample sample : samples) {
            if (sample.site() == null && !sample.stack().isEmpty()) {
                continue;
            }
            Key key = sample.site() == null
                    ? new Key(sample.objectType(), null, List.of())
                    : new Key(sample.objectType(), sample.site(), truncate(sample.stack(), stackDepth));
            if (!sums.containsKey(key) && sums.size() >= MAX_RECORDS) {
                overflowed = true;
                key = new Key(sample.objectType(), null, List.of());
            }
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0] += sample.weightBytes();
            sum[1] += sample.samples();
            counted += sample.samples();
        }
        List<AllocationRecord> records = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> records.add(
                new AllocationRecord(key.type(), key.site(), key.traceback(), sum[0], sum[1])));
        return new AllocationProfile(records, counted, overflowed);
    }

    /** As {@link #of(List, int, boolean)} for samples within the tracer's bound. */
    public static AllocationProfile of(List<AllocationSample> samples, int stackDepth) {
        return of(samples, stackDepth, false);
    }

    static List<Frame> truncate(List<Frame> stack, int depth) {
        return List.copyOf(stack.size() <= depth ? stack : stack.subList(0, depth));
    }

    private record Key(String type, Frame site, List<Frame> traceback) {
    }
}
