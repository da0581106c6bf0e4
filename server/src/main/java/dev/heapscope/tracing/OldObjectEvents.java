package dev.heapscope.tracing;

import dev.heapscope.HeapscopeThreads;
import dev.heapscope.heap.TypeNames;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedThread;

/**
 * Reads {@code jdk.OldObjectSample} events into {@link LiveObjectSample}s, chains included, leaving out
 * objects allocated before tracing started (possible when another recording keeps the JVM-wide sampler
 * running) and heapscope's own. Types are reported in {@link TypeNames#readable} form.
 */
final class OldObjectEvents {

    private final Instant since;

    /** @param since when tracing started: objects allocated earlier are left out */
    OldObjectEvents(Instant since) {
        this.since = since;
    }

    /** The sample, or null when it is left out. */
    LiveObjectSample read(RecordedEvent event) {
        if (event.getInstant("allocationTime").isBefore(since)) {
            return null;
        }
        List<Frame> stack = Stacks.of(event.getStackTrace());
        return isHeapscopeOwn(event, stack) ? null : liveObject(event, stack);
    }

    private static boolean isHeapscopeOwn(RecordedEvent event, List<Frame> stack) {
        RecordedThread thread = event.getThread("eventThread");
        if (thread != null && HeapscopeThreads.isHeapscopeThread(thread.getJavaName())) {
            return true;
        }
        return Frames.isHeapscopeOwn(stack);
    }

    private static LiveObjectSample liveObject(RecordedEvent event, List<Frame> stack) {
        RecordedObject object = event.getValue("object");
        // JFR writes Integer.MIN_VALUE for objects that are not arrays
        int arrayElements = event.getInt("arrayElements");
        OptionalLong size = event.hasField("objectSize")
                ? OptionalLong.of(event.getLong("objectSize"))
                : OptionalLong.empty();
        return new LiveObjectSample(
                object == null ? "unknown" : readable(object.getValue("type")),
                event.getInstant("allocationTime"),
                event.getDuration("objectAge"),
                size,
                arrayElements < 0 ? -1 : arrayElements,
                stack,
                object == null ? null : ChainReader.read(object, event.getValue("root")));
    }

    private static String readable(RecordedClass type) {
        return type == null ? "unknown" : TypeNames.readable(type.getName());
    }
}
