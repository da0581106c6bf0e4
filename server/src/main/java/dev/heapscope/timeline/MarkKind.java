package dev.heapscope.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What happened at a mark on the timeline. */
public enum MarkKind {
    TRACING_STARTED, TRACING_STOPPED, SNAPSHOT, WATCH_SNAPSHOT, WATCH_STARTED, WATCH_STOPPED;

    private static final DateTimeFormatter WATCH_NAME =
            DateTimeFormatter.ofPattern("'watch-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** {@code watch-20250131T120005Z}: the name of the watch snapshot taken at that second, UTC. */
    public static String watchSnapshotName(Instant time) {
        return WATCH_NAME.format(time);
    }

    /** The wire name: {@code tracing-started}, {@code snapshot}, {@code watch-snapshot}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
