package dev.heapscope.timeline;

import java.util.Locale;

/** What happened at a mark on the timeline. */
public enum MarkKind {
    TRACING_STARTED, TRACING_STOPPED, SNAPSHOT, WATCH_SNAPSHOT, WATCH_STARTED, WATCH_STOPPED;

    /** The wire name: {@code tracing-started}, {@code snapshot}, {@code watch-snapshot}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
