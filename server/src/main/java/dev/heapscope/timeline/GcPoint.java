package dev.heapscope.timeline;

import java.time.Instant;
import java.util.List;

/**
 * One garbage collection, from the JVM's notification.
 *
 * @param time             when it ended
 * @param collector        the collector, e.g. {@code G1 Young Generation}
 * @param cause            why it ran, e.g. {@code G1 Evacuation Pause}, {@code System.gc()}
 * @param durationMillis   how long it took (its pause for stop-the-world collectors), ms
 * @param heapAfterBytes   the heap pools' use right after it, summed: the live set plus what the
 *                         collection did not reach (a young collection leaves the old generation as it was)
 * @param poolAfterBytes   each memory pool's use right after it, in the order of {@link TimelineView#pools()}
 */
public record GcPoint(Instant time, String collector, String cause, long durationMillis, long heapAfterBytes,
                      List<Long> poolAfterBytes) {
    public GcPoint {
        poolAfterBytes = List.copyOf(poolAfterBytes);
    }
}
