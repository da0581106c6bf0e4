package dev.heapscope.jmx;

import dev.heapscope.heap.WalkOptions;
import dev.heapscope.heap.WalkRequest;

/** The descriptions of the walk bounds every {@link RootsMXBean} operation takes, written once. */
final class WalkDescriptions {

    static final String MAX_OBJECTS = "objects the walk visits at most, 1.." + WalkRequest.SERVER_MAX_OBJECTS
            + "; 0 for the default " + WalkOptions.DEFAULT_MAX_OBJECTS;
    // WalkOptions.DEFAULT_TIME_LIMIT is a Duration, not a constant an annotation may use
    static final String TIME_LIMIT_MS = "the walk's time budget in ms, 1.." + WalkRequest.SERVER_MAX_TIME_LIMIT_MS
            + "; 0 for the default 10000";
    static final String FOLLOW = "comma-separated boundaries to cross: referents, classes, classLoaders, threads,"
            + " or all / none; empty for the default none (the walk neither counts nor enters them)";

    private WalkDescriptions() {
    }
}
