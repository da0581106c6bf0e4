package dev.heapscope.heap;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The exact live class histogram (jmap -histo:live), taken after a full GC. Classes are sorted by
 * bytes, biggest first.
 *
 * @param takenAt        when the histogram was taken
 * @param classes        every class with live instances but heapscope's own ({@code dev.heapscope.*}), biggest first
 * @param totalInstances live objects in the whole heap, heapscope's included
 * @param totalBytes     their shallow bytes
 */
public record ClassHistogram(Instant takenAt, List<ClassCount> classes, long totalInstances, long totalBytes) {

    public ClassHistogram {
        classes = List.copyOf(classes);
    }

    /** The classes keyed by readable type name. */
    public Map<String, ClassCount> byType() {
        return classes.stream().collect(Collectors.toMap(ClassCount::type, Function.identity(), (a, b) ->
                new ClassCount(a.type(), a.instances() + b.instances(), a.bytes() + b.bytes())));
    }

    /** The first {@code limit} classes. */
    public List<ClassCount> top(int limit) {
        return classes.subList(0, Math.min(limit, classes.size()));
    }
}
