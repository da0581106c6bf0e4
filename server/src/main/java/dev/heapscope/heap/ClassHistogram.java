package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The exact live class histogram (jmap -histo:live), taken after a full GC. Classes are sorted by
 * bytes, biggest first; heapscope's own ({@code dev.heapscope.*}) are left out.
 */
@Doc("the live class histogram after a full GC (jmap -histo:live), exact")
public record ClassHistogram(
        @Doc("when it was taken, ISO-8601 UTC") Instant takenAt,
        @Doc("the classes with live instances, biggest shallow bytes first") List<ClassCount> classes,
        @Doc("live objects in the whole heap, not only the classes returned") long totalInstances,
        @Doc("their shallow bytes") long totalBytes) {

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
