package dev.heapscope.heap;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One walk of a registered root, as a JFR event: an operator who sees a CPU spike or a pause in a
 * recording of the service can tell it was heapscope's walk, how far it went and why it stopped (a limit,
 * its client going away, heapscope closing). Costs nothing when no recording enables it.
 */
@Name(WalkEvent.NAME)
@Label("heapscope walk")
@Category("heapscope")
@Description("A walk of a registered root's object graph: deep size, back-references or reference tree")
@StackTrace(false)
final class WalkEvent extends Event {

    static final String NAME = "dev.heapscope.Walk";

    @Label("Kind")
    @Description("size, backrefs or refs")
    String kind;

    @Label("Root")
    String root;

    @Label("Objects Visited")
    long objectsVisited;

    @Label("Truncated")
    boolean truncated;

    @Label("Stopped Because")
    String stoppedBecause;

    /** An event begun now; {@link #end} commits it. */
    static WalkEvent begin(String kind, String root) {
        WalkEvent event = new WalkEvent();
        event.kind = kind;
        event.root = root;
        event.begin();
        return event;
    }

    void end(long visited, boolean wasTruncated, String reason) {
        objectsVisited = visited;
        truncated = wasTruncated;
        stoppedBecause = reason;
        commit();
    }
}
