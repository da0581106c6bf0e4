package dev.heapscope.snapshot;

import dev.heapscope.tracing.AllocationSample;
import dev.heapscope.tracing.Frame;
import dev.heapscope.tracing.Frames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Sums samples whose site lies outside the JDK and heapscope, keeping {@code stackDepth} frames. */
    public static AllocationProfile of(List<AllocationSample> samples, int stackDepth) {
        Map<Key, long[]> sums = new HashMap<>();
        Map<Key, Frame> sites = new HashMap<>();
        boolean overflowed = false;
        long counted = 0;
        for (AllocationSample sample : samples) {
            Optional<Frame> site = Frames.siteOf(sample.stack());
            if (site.isEmpty()) {
                continue;
            }
            Key key = new Key(sample.objectType(), truncate(sample.stack(), stackDepth));
            if (!sums.containsKey(key) && sums.size() >= MAX_RECORDS) {
                overflowed = true;
                key = new Key(sample.objectType(), List.of());
            }
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0] += sample.weightBytes();
            sum[1] += sample.samples();
            counted += sample.samples();
            if (!key.traceback().isEmpty()) {
                sites.putIfAbsent(key, site.get());
            }
        }
        List<AllocationRecord> records = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> records.add(
                new AllocationRecord(key.type(), sites.get(key), key.traceback(), sum[0], sum[1])));
        return new AllocationProfile(records, counted, overflowed);
    }

    static List<Frame> truncate(List<Frame> stack, int depth) {
        return List.copyOf(stack.size() <= depth ? stack : stack.subList(0, depth));
    }

    private record Key(String type, List<Frame> traceback) {
    }
}
