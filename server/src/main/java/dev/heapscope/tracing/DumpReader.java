package dev.heapscope.tracing;

import dev.heapscope.HeapscopeThreads;
import dev.heapscope.heap.TypeNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Parses one dump file of a tracing recording into a {@link TraceDump}, keeping only what this
 * recording should see: allocations since it started, the old-object samples emitted for this dump,
 * and nothing heapscope allocated itself. Types are reported in {@link TypeNames#readable} form
 * ({@code byte[]}, not JFR's {@code [B}), the form the class histogram uses. One reader per file.
 */
final class DumpReader {

    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";

    private final String recordingName;
    private final long dumpNumber;
    private final Instant since;
    private final ThreadAllocations allocatedAtStart;
    private final ThreadAllocations allocatedNow;

    private final Map<Long, ThreadSamples> threads = new HashMap<>();
    private final Map<SampleKey, long[]> sums = new HashMap<>();
    private final Map<List<Frame>, List<Frame>> stacks = new HashMap<>();
    private final List<RecordedEvent> oldObjects = new ArrayList<>();
    private Instant marker;

    /**
     * The old-object samples emitted for this dump are stamped at the dump, after its marker. The marker
     * can be missing from the file (it was seen missing in about one dump in six on a busy demo, which
     * then showed no live samples at all), and JFR's chunk clocks can differ by a few ms from each other
     * and from the wall clock: so samples no older than the marker, or the dump's wall-clock start when
     * there is none, less this tolerance, count as this dump's. Earlier dumps' emissions are older by at
     * least a full GC and a parse, far more than this.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofMillis(20);

    /**
     * @param recordingName the recording's name, to find its own {@link DumpMarker}
     * @param dumpNumber    the marker's dump number
     * @param since         when tracing started; earlier allocation samples and objects allocated
     *                      earlier (possible when another recording runs too) are left out
     * @param allocatedAtStart each thread's allocated bytes when tracing started
     * @param allocatedNow     each thread's allocated bytes at this dump
     */
    DumpReader(String recordingName, long dumpNumber, Instant since, ThreadAllocations allocatedAtStart,
               ThreadAllocations allocatedNow) {
        this.recordingName = recordingName;
        this.allocatedAtStart = allocatedAtStart;
        this.allocatedNow = allocatedNow;
        this.dumpNumber = dumpNumber;
        this.since = since;
    }

    TraceDump read(Path file, Instant dumpedAt, boolean withChains) throws IOException {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                accept(recording.readEvent());
            }
        }
        List<AllocationSample> allocations = allocations();
        List<LiveObjectSample> live = new ArrayList<>();
        Instant emittedFrom = (marker != null ? marker : dumpedAt).minus(CLOCK_TOLERANCE);
        for (RecordedEvent event : oldObjects) {
            List<Frame> stack = Stacks.of(event.getStackTrace());
            if (!event.getStartTime().isBefore(emittedFrom) && isSinceStart(event) && !isHeapscopeOwn(event, stack)) {
                live.add(liveObject(event, stack, withChains));
            }
        }
        return new TraceDump(dumpedAt, allocations, live, withChains);
    }

    private void accept(RecordedEvent event) {
        String type = event.getEventType().getName();
        if (type.equals(ALLOCATION_SAMPLE)) {
            if (!event.getStartTime().isBefore(since)) {
                acceptAllocation(event);
            }
        } else if (type.equals(OLD_OBJECT_SAMPLE)) {
            oldObjects.add(event);
        } else if (type.equals(DumpMarker.NAME) && isOwnMarker(event)) {
            marker = event.getStartTime();
        }
    }

    /**
     * A sample's weight is what its thread allocated since that thread's previous sample, which JFR
     * remembers per thread across recordings. A thread's first sample after tracing started can so carry
     * hundreds of megabytes allocated before the start (measured on JDK 17 and 25) and put them on
     * whatever line it happened to hit. It is bounded by what the thread really allocated since the start
     * (ThreadMXBean, exact) less what its later samples already account for. Where the JVM cannot tell
     * (a thread that ended, allocation accounting off), it counts as at most a typical sample of its
     * thread (the median of its other weights), or is left out when the thread has no other sample.
     *
     * <p>Events are summed as they are read, keeping only each thread's earliest event aside: a dump
     * of hours of tracing holds millions of events, and the host's heap must not hold them all.
     */
    private void acceptAllocation(RecordedEvent event) {
        Long thread = javaThreadId(event);
        if (thread == null) {
            aggregate(event, event.getLong("weight"));
            return;
        }
        ThreadSamples samples = threads.computeIfAbsent(thread, t -> new ThreadSamples(!knowsAllocation(t)));
        if (samples.first == null) {
            samples.first = event;
            return;
        }
        RecordedEvent later = event;
        if (event.getStartTime().isBefore(samples.first.getStartTime())) {
            later = samples.first;
            samples.first = event;
        }
        samples.addLater(later.getLong("weight"));
        aggregate(later, later.getLong("weight"));
    }

    private List<AllocationSample> allocations() {
        threads.forEach((thread, samples) -> {
            Long firstWeight = boundedFirstWeight(thread, samples);
            if (firstWeight != null && firstWeight > 0) {
                aggregate(samples.first, firstWeight);
            }
        });
        List<AllocationSample> result = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> result.add(new AllocationSample(key.type(), sum[0], key.stack(), sum[1])));
        return result;
    }

    private boolean knowsAllocation(long javaThreadId) {
        return allocatedAtStart.known() && allocatedNow.allocatedSince(allocatedAtStart, javaThreadId) != null;
    }

    private Long boundedFirstWeight(long javaThreadId, ThreadSamples samples) {
        long weight = samples.first.getLong("weight");
        if (knowsAllocation(javaThreadId)) {
            long allocated = allocatedNow.allocatedSince(allocatedAtStart, javaThreadId);
            return Math.min(weight, Math.max(0, allocated - samples.laterWeights));
        }
        Long median = samples.medianLaterWeight();
        return median == null ? null : Math.min(weight, median);
    }

    private void aggregate(RecordedEvent event, long weight) {
        List<Frame> stack = interned(Stacks.of(event.getStackTrace()));
        if (!isHeapscopeOwn(event, stack)) {
            long[] sum = sums.computeIfAbsent(new SampleKey(readable(event.getClass("objectClass")), stack),
                    k -> new long[2]);
            sum[0] += weight;
            sum[1]++;
        }
    }

    /** One list per distinct traceback, so the summed samples hold each traceback once. */
    private List<Frame> interned(List<Frame> stack) {
        List<Frame> known = stacks.get(stack);
        if (known != null) {
            return known;
        }
        List<Frame> copy = List.copyOf(stack);
        stacks.put(copy, copy);
        return copy;
    }

    private record SampleKey(String type, List<Frame> stack) {
    }

    /** A thread's earliest event, kept aside, and what its other events weighed. */
    private static final class ThreadSamples {
        private final long[] noWeights = new long[0];
        private final boolean keepsWeights;
        private long[] weights = noWeights;
        private int count;
        RecordedEvent first;
        long laterWeights;

        ThreadSamples(boolean keepsWeights) {
            this.keepsWeights = keepsWeights;
        }

        void addLater(long weight) {
            laterWeights += weight;
            count++;
            // only threads whose real allocation is unknown (ended, or accounting off) need each weight
            if (keepsWeights) {
                if (count > weights.length) {
                    weights = java.util.Arrays.copyOf(weights, Math.max(8, weights.length * 2));
                }
                weights[count - 1] = weight;
            }
        }

        Long medianLaterWeight() {
            if (!keepsWeights || count == 0) {
                return null;
            }
            long[] sorted = java.util.Arrays.copyOf(weights, count);
            java.util.Arrays.sort(sorted);
            return sorted[count / 2];
        }
    }

    private static Long javaThreadId(RecordedEvent event) {
        RecordedThread thread = event.getThread("eventThread");
        return thread == null || thread.getJavaThreadId() < 0 ? null : thread.getJavaThreadId();
    }

    private boolean isOwnMarker(RecordedEvent event) {
        return recordingName.equals(event.getString("recording")) && event.getLong("dump") == dumpNumber;
    }


    // the old-object sampler is JVM-wide: with another recording running it holds older objects too
    private boolean isSinceStart(RecordedEvent event) {
        return !event.getInstant("allocationTime").isBefore(since);
    }

    private static boolean isHeapscopeOwn(RecordedEvent event, List<Frame> stack) {
        RecordedThread thread = event.getThread("eventThread");
        if (thread != null && HeapscopeThreads.isHeapscopeThread(thread.getJavaName())) {
            return true;
        }
        return Frames.isHeapscopeOwn(stack);
    }

    private static LiveObjectSample liveObject(RecordedEvent event, List<Frame> stack, boolean withChains) {
        RecordedObject object = event.getValue("object");
        // JFR writes Integer.MIN_VALUE for objects that are not arrays
        int arrayElements = event.getInt("arrayElements");
        OptionalLong size = event.hasField("objectSize")
                ? OptionalLong.of(event.getLong("objectSize"))
                : OptionalLong.empty();
        ReferenceChain chain = withChains && object != null
                ? ChainReader.read(object, event.getValue("root"))
                : null;
        return new LiveObjectSample(
                object == null ? "unknown" : readable(object.getValue("type")),
                event.getInstant("allocationTime"),
                event.getDuration("objectAge"),
                size,
                arrayElements < 0 ? -1 : arrayElements,
                stack,
                chain);
    }

    private static String readable(RecordedClass type) {
        return type == null ? "unknown" : TypeNames.readable(type.getName());
    }
}
