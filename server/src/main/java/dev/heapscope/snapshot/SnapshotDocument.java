package dev.heapscope.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.heapscope.HeapscopeException;
import dev.heapscope.heap.Boundary;
import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.heap.DeepSize;
import dev.heapscope.heap.RootRegistry;
import dev.heapscope.heap.RootSize;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.tracing.Frame;
import dev.heapscope.tracing.GcRoot;
import dev.heapscope.tracing.Hop;
import dev.heapscope.tracing.LiveObjectSample;
import dev.heapscope.tracing.LiveSampleWindow;
import dev.heapscope.tracing.ReferenceChain;
import dev.heapscope.tracing.TracingSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * A snapshot as one self-contained JSON document, and back (tracemalloc's {@code Snapshot.dump()} and
 * {@code load()}): {@code {"format": "heapscope-snapshot", "version": 1, "snapshot": {...}}} with everything
 * statistics, comparisons and leaks read, so that a snapshot exported from production compares on a laptop
 * exactly as it did there. Frames are written once in a table and referred to by index. Reading ignores
 * fields it does not know (a newer heapscope may add some) and refuses another format or version, or a
 * missing field, naming it. The one place the document's shape lives.
 */
public final class SnapshotDocument {

    public static final String FORMAT = "heapscope-snapshot";
    public static final int VERSION = 1;
    /** Bytes of a document heapscope accepts at most (64 MiB); a snapshot at its bounds stays well below. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Frames of a live object's stack at most: JFR's largest {@code stackdepth}. */
    static final int MAX_LIVE_STACK = 2048;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private SnapshotDocument() {
    }

    record Doc(String format, Integer version, Instant exportedAt, Body snapshot) {
    }

    record Body(String name, Instant takenAt, Boolean tracing, Instant tracingSince, Settings settings, Heap heap,
                Histogram histogram, List<FrameDto> frames, Allocations allocations, List<Live> liveObjects,
                LiveWindow live, List<Root> roots, List<String> notes) {
    }

    /** Absent in documents written before live sampling could be off: liveSampling then was on. */
    record Settings(Integer stackDepth, Integer allocationSamplesPerSecond, Boolean liveSampling) {
    }

    /**
     * Which objects the live samples can include ({@link LiveSamples}); absent in documents written before
     * it was recorded, which are read as samples since tracing started.
     */
    record LiveWindow(Boolean available, String unavailableReason, Instant from, Instant until, String sharedWith,
                      Boolean chainsIncluded) {
    }

    record Heap(Long usedBytes, Long committedBytes, Long maxBytes, Long nonHeapUsedBytes, Long liveBytes,
                Long liveObjects) {
    }

    record Histogram(Instant takenAt, Long totalInstances, Long totalBytes, List<ClassCount> classes) {
    }

    record FrameDto(String className, String methodName, String fileName, Integer line) {
    }

    record Allocations(Long samples, Boolean overflowed, List<Record> records) {
    }

    record Record(String type, Integer site, List<Integer> traceback, Long weightBytes, Long samples) {
    }

    record Live(String type, Instant allocationTime, Long ageNanos, Long sizeBytes, Integer arrayElements,
                List<Integer> stack, Chain chain) {
    }

    record Chain(List<Hop> hops, GcRoot root, Boolean truncated) {
    }

    record Root(String name, String type, DeepSize size, Long maxObjects, Long timeLimitMillis,
                Set<Boundary> boundaries) {
    }

    /** The snapshot as a document's bytes (UTF-8 JSON). */
    public static byte[] export(Snapshot s, Instant now) {
        Map<Frame, Integer> index = new HashMap<>();
        List<FrameDto> frames = new ArrayList<>();
        Function<Frame, Integer> id = frame -> frame == null ? null : index.computeIfAbsent(frame, f -> {
            frames.add(new FrameDto(f.className(), f.methodName(), f.fileName(), f.line()));
            return frames.size() - 1;
        });
        List<Record> records = s.allocations().records().stream().map(r -> new Record(r.type(), id.apply(r.site()),
                r.traceback().stream().map(id).toList(), r.weightBytes(), r.samples())).toList();
        List<Live> live = s.liveObjects().stream().map(o -> new Live(o.objectType(), o.allocationTime(),
                o.age() == null ? null : o.age().toNanos(),
                o.objectSizeBytes().isPresent() ? o.objectSizeBytes().getAsLong() : null, o.arrayElements(),
                o.stack().stream().map(id).toList(), o.chain() == null ? null
                        : new Chain(o.chain().hops(), o.chain().root(), o.chain().truncated()))).toList();
        HeapFigures h = s.heap();
        LiveSamples l = s.live();
        LiveWindow window = new LiveWindow(l.available(), l.unavailableReason(), l.window().from(),
                l.window().until(), l.window().sharedWith(), l.chainsIncluded());
        Body body = new Body(s.name(), s.takenAt(), s.tracing(), s.tracingSince(), s.settings() == null ? null
                : new Settings(s.settings().stackDepth(), s.settings().allocationSamplesPerSecond(),
                        s.settings().liveSampling()),
                new Heap(h.usedBytes(), h.committedBytes(), h.maxBytes(), h.nonHeapUsedBytes(), h.liveBytes(),
                        h.liveObjects()),
                new Histogram(s.histogram().takenAt(), s.histogram().totalInstances(), s.histogram().totalBytes(),
                        s.histogram().classes()),
                frames, new Allocations(s.allocations().samples(), s.allocations().overflowed(), records), live,
                window, s.roots().stream().map(r -> new Root(r.name(), r.type(), r.size(), r.options().maxObjects(),
                        r.options().timeLimit().toMillis(), r.options().boundaries())).toList(),
                s.notes());
        try {
            return MAPPER.writeValueAsBytes(new Doc(FORMAT, VERSION, now, body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot could not be written as JSON", e);
        }
    }

    /**
     * The snapshot a document holds (as parsed JSON: maps, lists, strings and numbers), under {@code name}
     * or, when null, the name in the document.
     *
     * @throws HeapscopeException.BadRequest for another format or version, a missing field or a value of the
     *                                       wrong type, naming it
     */
    public static Snapshot read(Object json, String name) {
        Doc doc;
        try {
            doc = MAPPER.convertValue(json, Doc.class);
        } catch (IllegalArgumentException e) {
            throw new HeapscopeException.BadRequest("not a heapscope snapshot document: " + rootCause(e));
        }
        if (doc == null || !FORMAT.equals(doc.format())) {
            throw new HeapscopeException.BadRequest("not a heapscope snapshot document: its format is "
                    + (doc == null || doc.format() == null ? "missing" : "'" + clip(doc.format()) + "'")
                    + ", expected '" + FORMAT + "'");
        }
        if (!Integer.valueOf(VERSION).equals(doc.version())) {
            throw new HeapscopeException.BadRequest("snapshot document version " + doc.version()
                    + " is not supported: this heapscope reads version " + VERSION);
        }
        try {
            return snapshot(required(doc.snapshot(), "snapshot"), name);
        } catch (NullPointerException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new HeapscopeException.BadRequest("the snapshot document is incomplete or inconsistent: "
                    + e.getMessage());
        }
    }

    private static Snapshot snapshot(Body b, String name) {
        List<FrameDto> frameDtos = orEmpty(b.frames());
        List<Frame> frames = frameDtos.stream().map(f -> new Frame(required(f.className(), "frames[].className"),
                required(f.methodName(), "frames[].methodName"), f.fileName(), required(f.line(), "frames[].line")))
                .toList();
        Function<Integer, Frame> frame = i -> i == null ? null : frames.get(i);
        Allocations a = required(b.allocations(), "snapshot.allocations");
        List<AllocationRecord> records = atMost(orEmpty(a.records()), AllocationProfile.MAX_RECORDS,
                "allocations.records").stream().map(r -> new AllocationRecord(
                required(r.type(), "allocations.records[].type"), frame.apply(r.site()),
                atMost(orEmpty(r.traceback()), TracingSettings.MAX_STACK_DEPTH, "allocations.records[].traceback")
                        .stream().map(frame).toList(), required(r.weightBytes(), "weightBytes"),
                required(r.samples(), "samples"))).toList();
        List<LiveObjectSample> live = atMost(orEmpty(b.liveObjects()), TracingSettings.MAX_LIVE_SAMPLES, "liveObjects").stream()
                .map(o -> new LiveObjectSample(
                required(o.type(), "liveObjects[].type"), o.allocationTime(),
                o.ageNanos() == null ? null : Duration.ofNanos(o.ageNanos()),
                o.sizeBytes() == null ? OptionalLong.empty() : OptionalLong.of(o.sizeBytes()),
                o.arrayElements() == null ? -1 : o.arrayElements(),
                atMost(orEmpty(o.stack()), MAX_LIVE_STACK, "liveObjects[].stack").stream().map(frame).toList(),
                o.chain() == null ? null : new ReferenceChain(orEmpty(o.chain().hops()),
                        required(o.chain().root(), "liveObjects[].chain.root"),
                        Boolean.TRUE.equals(o.chain().truncated())))).toList();
        Heap h = required(b.heap(), "snapshot.heap");
        Histogram hist = required(b.histogram(), "snapshot.histogram");
        Settings st = b.settings();
        return new Snapshot(name != null ? name : required(b.name(), "snapshot.name"),
                required(b.takenAt(), "snapshot.takenAt"), required(b.tracing(), "snapshot.tracing"), b.tracingSince(),
                st == null ? null : new TracingSettings(required(st.stackDepth(), "settings.stackDepth"),
                        required(st.allocationSamplesPerSecond(), "settings.allocationSamplesPerSecond"),
                        !Boolean.FALSE.equals(st.liveSampling())),
                new HeapFigures(required(h.usedBytes(), "heap.usedBytes"), required(h.committedBytes(),
                        "heap.committedBytes"), required(h.maxBytes(), "heap.maxBytes"),
                        required(h.nonHeapUsedBytes(), "heap.nonHeapUsedBytes"), required(h.liveBytes(), "heap.liveBytes"),
                        required(h.liveObjects(), "heap.liveObjects")),
                new ClassHistogram(required(hist.takenAt(), "histogram.takenAt"),
                        required(hist.classes(), "histogram.classes"), required(hist.totalInstances(),
                        "histogram.totalInstances"), required(hist.totalBytes(), "histogram.totalBytes")),
                new AllocationProfile(records, required(a.samples(), "allocations.samples"),
                        Boolean.TRUE.equals(a.overflowed())),
                liveSamples(b, live), atMost(orEmpty(b.roots()), RootRegistry.MAX_ROOTS, "roots").stream()
                        .map(SnapshotDocument::root).toList(),
                orEmpty(b.notes()), null);
    }

    // what heapscope itself never holds in a snapshot is refused, so an imported one costs what a taken one does
    private static <T> List<T> atMost(List<T> list, int max, String field) {
        if (list.size() > max) {
            throw new IllegalArgumentException("field '" + field + "' has " + list.size() + " entries, at most " + max
                    + " in a snapshot heapscope takes");
        }
        return list;
    }

    private static LiveSamples liveSamples(Body b, List<LiveObjectSample> live) {
        LiveWindow w = b.live();
        boolean tracing = required(b.tracing(), "snapshot.tracing");
        if (w == null) {
            return tracing
                    ? new LiveSamples(true, null, new LiveSampleWindow(true, b.tracingSince(), b.takenAt(), null),
                            live.stream().anyMatch(o -> o.chain() != null), live)
                    : LiveSamples.unavailable(SnapshotNotes.TRACING_OFF);
        }
        if (!Boolean.TRUE.equals(w.available())) {
            return LiveSamples.unavailable(required(w.unavailableReason(), "live.unavailableReason"));
        }
        return new LiveSamples(true, null, new LiveSampleWindow(true, required(w.from(), "live.from"),
                required(w.until(), "live.until"), w.sharedWith()), Boolean.TRUE.equals(w.chainsIncluded()), live);
    }

    private static RootSize root(Root r) {
        return new RootSize(required(r.name(), "roots[].name"), r.type(), required(r.size(), "roots[].size"),
                new WalkOptions(required(r.maxObjects(), "roots[].maxObjects"),
                        Duration.ofMillis(required(r.timeLimitMillis(), "roots[].timeLimitMillis")),
                        r.boundaries() == null ? Set.of() : r.boundaries()));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new NullPointerException("field '" + field + "' is missing");
        }
        return value;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return clip(message.lines().findFirst().orElse(message));
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

}
