package dev.heapscope.watch;

import java.time.Instant;

/** Told what the watch does (the timeline's marks, the JMX notifications); called on the watch's thread, must not block. */
public interface WatchListener {

    /** A watch snapshot was taken. */
    default void snapshotTaken(Instant time, String name) {
    }

    /** A type or site became a suspect that was not one before (since the watch started). */
    default void suspect(Suspect suspect) {
    }
}
