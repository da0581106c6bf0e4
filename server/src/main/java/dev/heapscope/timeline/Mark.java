package dev.heapscope.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * Something heapscope did at a moment, drawn on the timeline.
 *
 * @param time when
 * @param kind what
 * @param name the snapshot's name for snapshot marks, else a short label
 */
public record Mark(Instant time, MarkKind kind, String name) {
    public Mark {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
