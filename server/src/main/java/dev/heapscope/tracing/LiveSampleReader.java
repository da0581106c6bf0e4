package dev.heapscope.tracing;

import dev.heapscope.HeapscopeThreads;
import dev.heapscope.heap.TypeNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedThread;

/**
 * Reads the live-object samples ({@code jdk.OldObjectSample}) that one dump emitted out of the dump's
 * file, leaving out objects allocated before tracing started and heapscope's own. Allocation samples are
 * not read here: {@link AllocationStream} has summed them already. One reader per file.
 */
final class LiveSampleReader {

    /**
     * The old-object samples emitted for this dump are stamped at the dump, after its marker. The marker
     * can be missing from the file (it was seen missing in about one dump in six on a busy demo, which
     * then showed no live samples at all), and JFR's chunk clocks can differ by a few ms from each other
     * and from the wall clock: so samples no older than the marker, or the dump's wall-clock start when
     * there is none, less this tolerance, count as this dump's. Earlier emissions (another recording's
     * dump or stop) are older by far more than this.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofMillis(20);

    private final String recordingName;
    private final long dumpNumber;
    private final Instant since;
    private final List<RecordedEvent> oldObjects = new ArrayList<>();
    private Instant marker;

    /**
     * @param recordingName the recording's name, to find its own {@link DumpMarker}
     * @param dumpNumber    the marker's dump number
     * @param since         when tracing started; objects allocated earlier (possible when another
     *                      recording keeps the JVM-wide sampler running) are left out
     */
    LiveSampleReader(String recordingName, long dumpNumber, Instant since) {
        this.recordingName = recordingName;
        this.dumpNumber = dumpNumber;
        this.since = since;
    }

    /**
     * The live samples in the file; other event types are skipped without being parsed.
     *
     * @param dumpedAt when the dump started, for a file whose marker is missing
     */
    List<LiveObjectSample> read(Path file, Instant dumpedAt, boolean withChains) throws IOException {
        try (EventStream events = EventStream.openFile(file)) {
            events.setReuse(false);
            events.onEvent(TracingRecording.OLD_OBJECT_SAMPLE, oldObjects::add);
            events.onEvent(DumpMarker.NAME, this::marker);
            events.start();
        }
        List<LiveObjectSample> live = new ArrayList<>();
        Instant emittedFrom = (marker != null ? marker : dumpedAt).minus(CLOCK_TOLERANCE);
        for (RecordedEvent event : oldObjects) {
            if (event.getStartTime().isBefore(emittedFrom) || event.getInstant("allocationTime").isBefore(since)) {
                continue;
            }
            List<Frame> stack = Stacks.of(event.getStackTrace());
            if (!isHeapscopeOwn(event, stack)) {
                live.add(liveObject(event, stack, withChains));
            }
        }
        return live;
    }

    private void marker(RecordedEvent event) {
        if (recordingName.equals(event.getString("recording")) && event.getLong("dump") == dumpNumber) {
            marker = event.getStartTime();
        }
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
