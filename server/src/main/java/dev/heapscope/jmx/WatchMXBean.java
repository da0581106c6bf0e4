package dev.heapscope.jmx;

import javax.management.MBeanOperationInfo;

/**
 * The leak watch, as {@code GET/POST /api/v1/watch...} offers it over REST ({@code dev.heapscope:type=Watch}).
 * Emits {@link JmxEvents#WATCH_SUSPECT} when a type or allocation site becomes a suspect it was not before.
 */
@Description("heapscope leak watch: a snapshot every interval (each runs a full GC) into the watch's own ring,"
        + " the types and allocation sites that grow steadily, and the live set's trend with the moment it would"
        + " reach the heap maximum.")
public interface WatchMXBean {

    @Description("The watch now: whether it runs, its snapshots, its suspects (fastest-growing first), the"
            + " live set's trend and out-of-memory projection, and notes (too little data said plainly).")
    WatchView getStatus();

    @Description(value = "Starts watching. Repeating it with the same settings does nothing; while watching with"
            + " other settings it fails (IllegalStateException) naming them.", impact = MBeanOperationInfo.ACTION)
    WatchView start(@Param(name = "intervalSeconds", description = "seconds between snapshots, 5..86400 (each runs"
                            + " a full GC)") int intervalSeconds,
                    @Param(name = "keep", description = "snapshots kept in the watch's ring, 4..24; suspects are"
                            + " judged over their keep - 1 intervals") int keep,
                    @Param(name = "minGrowingIntervals", description = "intervals of growth that make a suspect,"
                            + " 2..keep-1, or 0 for three quarters of them") int minGrowingIntervals);

    @Description(value = "Starts watching with the defaults: a snapshot every 10 minutes, 6 kept.",
            impact = MBeanOperationInfo.ACTION)
    WatchView startWithDefaults();

    @Description(value = "Stops the watch and drops its snapshots. Does nothing when not watching.",
            impact = MBeanOperationInfo.ACTION)
    WatchView stop();
}
