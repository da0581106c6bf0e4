package dev.heapscope.tracing;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Committed just before each dump, on JFR's own clock. Every dump carries the old-object samples JFR
 * emitted for earlier dumps and for other recordings' dumps and stops too (they share the disk
 * chunks); the samples emitted for this dump are the ones no older than its marker. Comparing with
 * the marker rather than with {@code Instant.now()} avoids any skew between JFR's tick clock and the
 * wall clock.
 */
@Name("dev.heapscope.DumpMarker")
@Label("heapscope dump marker")
@Category("heapscope")
@Description("Marks when heapscope asked for a dump of its tracing recording")
@StackTrace(false)
final class DumpMarker extends Event {

    static final String NAME = "dev.heapscope.DumpMarker";

    @Label("Recording")
    String recording;

    @Label("Dump")
    long dump;

    static void commit(String recording, long dump) {
        DumpMarker marker = new DumpMarker();
        marker.recording = recording;
        marker.dump = dump;
        marker.commit();
    }
}
