package dev.heapscope.tracing;

import dev.heapscope.heap.TypeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Turns JFR's stack traces and classes into the sums' keys, cheaply enough to run on every allocation
 * sample as it arrives.
 *
 * <p>Within a chunk JFR hands out one {@code RecordedStackTrace} object per distinct stack, so a cache by
 * identity skips re-reading 64 frames for every sample: at about 10,000 samples/s with 5,000 distinct
 * stacks of depth 40-60 the reader thread measured 23-47% of a core reading each stack and under 1% with
 * this cache (docs/TRACING.md). The cache holds JFR's objects weakly (they compare by identity), so the
 * stacks and classes of a finished chunk, which never come back, leave it once JFR's parser lets go of them;
 * it is cleared past {@value #MAX_CACHED} entries as well. Held strongly, the stacks of a few chunks of
 * 64-frame traces had kept ~100 MB of JFR's objects until that clearing. Frames and types are interned, so
 * that the sums, which outlive many chunks, hold each distinct frame once rather than one copy per chunk.
 */
final class Tracebacks {

    static final int MAX_CACHED = 20_000;
    /** Interning stops here; later frames and types are kept as they come (still correct, less shared). */
    static final int MAX_INTERNED = 200_000;

    private final int depth;
    // JFR's consumer objects do not override equals or hashCode: a weak map of them is an identity map
    private final Map<RecordedStackTrace, Traceback> byStack = new WeakHashMap<>();
    private final Map<RecordedClass, String> byClass = new WeakHashMap<>();
    private final Map<Frame, Frame> frames = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();

    /** @param depth frames kept per traceback, 1..64 */
    Tracebacks(int depth) {
        this.depth = depth;
    }

    /** The traceback of a sample's stack; an empty, heapscope-own one when JFR recorded none. */
    Traceback of(RecordedStackTrace trace) {
        if (trace == null) {
            return new Traceback(List.of(), null, true);
        }
        Traceback known = byStack.get(trace);
        if (known == null) {
            if (byStack.size() >= MAX_CACHED) {
                byStack.clear();
            }
            known = read(trace);
            byStack.put(trace, known);
        }
        return known;
    }

    /** A class's readable name ({@code byte[]}, {@code java.util.HashMap$Node}), "unknown" for none. */
    String typeOf(RecordedClass type) {
        if (type == null) {
            return "unknown";
        }
        String known = byClass.get(type);
        if (known == null) {
            if (byClass.size() >= MAX_CACHED) {
                byClass.clear();
            }
            known = intern(types, TypeNames.readable(type.getName()));
            byClass.put(type, known);
        }
        return known;
    }

    /** The stacks cached now (those of chunks JFR's parser still holds, or not yet collected). */
    int cachedStacks() {
        return byStack.size();
    }

    private Traceback read(RecordedStackTrace trace) {
        List<Frame> all = Stacks.of(trace);
        List<Frame> kept = new ArrayList<>(Math.min(depth, all.size()));
        for (Frame frame : all.subList(0, Math.min(depth, all.size()))) {
            kept.add(intern(frames, frame));
        }
        Frame site = Frames.siteOf(all).map(f -> intern(frames, f)).orElse(null);
        return new Traceback(kept, site, Frames.isHeapscopeOwn(all));
    }

    private static <T> T intern(Map<T, T> pool, T value) {
        T known = pool.get(value);
        if (known != null) {
            return known;
        }
        if (pool.size() < MAX_INTERNED) {
            pool.put(value, value);
        }
        return value;
    }
}
