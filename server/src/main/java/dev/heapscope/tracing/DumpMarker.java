package dev.heapscope.tracing;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Committed just before each dump, on JFR's own clock: the live samples the dump emits are stamped
 * later, so the repository reader takes the ones no older than the marker as the dump's (other
 * recordings' dumps and stops emit samples into the same chunks). Comparing with the marker rather than
 * with {@code Instant.now()} avoids any skew between JFR's tick clock and the wall clock.
 *
 * <p>The session is a number, not the recording's name: a string field read back by JDK 17's repository
 * stream in a later chunk came back null (measured: the second dump's marker of a session).
 */
@Name("dev.heapscope.DumpMarker")
@Label("heapscope dump marker")
@Category("heapscope")
@Description("Marks when heapscope asked for a dump of its tracing recording")
@StackTrace(false)
final class DumpMarker extends Event {

    static final String NAME = "dev.heapscope.DumpMarker";

    @Label("Session")
    long session;

    @Label("Dump")
    long dump;

    static void commit(long session, long dump) {
        DumpMarker marker = new DumpMarker();
        marker.session = session;
        marker.dump = dump;
        marker.commit();
    }
}
