package dev.heapscope.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One {@code jdk.OldObjectSample}: a sampled object still alive when the recording was dumped, right
 * after a full GC. JFR keeps at most 256 such samples JVM-wide by default (the JVM option
 * {@code -XX:FlightRecorderOptions:old-object-queue-size}).
 *
 * @param objectType      the object's type in readable form ({@code byte[]}), as in {@link AllocationSample}
 * @param allocationTime  when it was allocated
 * @param age             how long it had lived when dumped
 * @param objectSizeBytes its shallow size in bytes; present only on JDKs whose event has
 *                        {@code objectSize} (JDK 21 and later, not 17)
 * @param arrayElements   its length when it is an array, else -1
 * @param stack           its allocation traceback, top frame first, full depth
 * @param chain           what keeps it alive, or null when the dump was taken without reference chains
 */
public record LiveObjectSample(String objectType, Instant allocationTime, Duration age,
                               OptionalLong objectSizeBytes, int arrayElements, List<Frame> stack,
                               ReferenceChain chain) {

    public LiveObjectSample {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectSizeBytes, "objectSizeBytes");
        stack = List.copyOf(stack);
    }

    /** The same sample without its chain (for a dump that did not search chains). */
    public LiveObjectSample withoutChain() {
        return chain == null ? this : new LiveObjectSample(objectType, allocationTime, age, objectSizeBytes,
                arrayElements, stack, null);
    }
}
