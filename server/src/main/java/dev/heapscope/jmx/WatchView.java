package dev.heapscope.jmx;

import dev.heapscope.watch.Suspect;
import dev.heapscope.watch.WatchStatus;
import java.util.List;

/** The leak watch's status as JMX clients see it: CompositeData, suspects and snapshots as CompositeData[]. */
public final class WatchView {

    private final WatchStatus status;

    WatchView(WatchStatus status) {
        this.status = status;
    }

    public boolean isWatching() {
        return status.watching();
    }

    /** ISO-8601 UTC, or null when not watching. */
    public String getSince() {
        return Times.iso(status.since());
    }

    /** 0 when not watching. */
    public int getIntervalSeconds() {
        return status.settings() == null ? 0 : status.settings().intervalSeconds();
    }

    public int getKeep() {
        return status.settings() == null ? 0 : status.settings().keep();
    }

    public int getMinGrowingIntervals() {
        return status.settings() == null ? 0 : status.settings().minGrowingIntervals();
    }

    public List<String> getSnapshots() {
        return status.snapshots().stream().map(WatchStatus.Taken::name).toList();
    }

    public List<String> getSkipped() {
        return status.skipped().stream().map(s -> Times.iso(s.time()) + " " + s.reason()).toList();
    }

    public List<SuspectView> getSuspects() {
        return status.suspects().stream().map(SuspectView::new).toList();
    }

    /** Least-squares growth of the live set, bytes per hour; 0 with too little data. */
    public long getLiveSetSlopeBytesPerHour() {
        Long slope = status.liveSet().slopeBytesPerHour();
        return slope == null ? 0 : slope;
    }

    public boolean isLiveSetGrowing() {
        return status.liveSet().growing();
    }

    /** ISO-8601 UTC; null when the live set does not grow or there is too little data. */
    public String getProjectedOutOfMemoryAt() {
        return Times.iso(status.liveSet().projectedOutOfMemoryAt());
    }

    public String getRestsOn() {
        return status.liveSet().restsOn();
    }

    public List<String> getNotes() {
        return status.notes();
    }

    /** One suspect. */
    public static final class SuspectView {

        private final Suspect suspect;

        SuspectView(Suspect suspect) {
            this.suspect = suspect;
        }

        public String getKey() {
            return suspect.key();
        }

        /** type or site. */
        public String getKind() {
            return suspect.kind().wireName();
        }

        /** -1 where sizes are unknown. */
        public long getBytesPerHour() {
            return suspect.bytesPerHour() == null ? -1 : suspect.bytesPerHour();
        }

        public double getCountPerHour() {
            return suspect.countPerHour();
        }

        public int getGrowingIntervals() {
            return suspect.growingIntervals();
        }

        public int getIntervals() {
            return suspect.intervals();
        }

        public double getConsistency() {
            return suspect.consistency();
        }
    }
}
