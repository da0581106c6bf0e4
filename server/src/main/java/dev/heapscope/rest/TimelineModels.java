package dev.heapscope.rest;

import dev.heapscope.rest.model.Timeline;
import dev.heapscope.rest.model.TimelineCapacity;
import dev.heapscope.rest.model.TimelineGc;
import dev.heapscope.rest.model.TimelineMark;
import dev.heapscope.rest.model.TimelinePoint;
import dev.heapscope.timeline.GcPoint;
import dev.heapscope.timeline.Mark;
import dev.heapscope.timeline.MemoryPoint;
import dev.heapscope.timeline.TimelineBounds;
import dev.heapscope.timeline.TimelineView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The timeline's core values to its wire models: mapping only. */
final class TimelineModels {

    private TimelineModels() {
    }

    static Timeline of(TimelineView v) {
        return new Timeline(time(v.from()), time(v.to()), v.maxHeapBytes(), v.pools(), v.heapPools(),
                v.points().stream().map(TimelineModels::of).toList(),
                v.collections().stream().map(TimelineModels::of).toList(),
                v.marks().stream().map(TimelineModels::of).toList(), v.thinned(), v.collectionsTruncated(),
                of(v.bounds()));
    }

    private static TimelinePoint of(MemoryPoint p) {
        return new TimelinePoint(time(p.time()), p.resolutionSeconds(), p.heapUsedBytes(), p.heapCommittedBytes(),
                p.nonHeapUsedBytes(), p.poolUsedBytes());
    }

    private static TimelineGc of(GcPoint gc) {
        return new TimelineGc(time(gc.time()), gc.collector(), gc.cause(), gc.durationMillis(), gc.heapAfterBytes(),
                gc.poolAfterBytes());
    }

    private static TimelineMark of(Mark mark) {
        return new TimelineMark(time(mark.time()), TimelineMark.KindEnum.fromValue(mark.kind().wireName()),
                mark.name());
    }

    private static TimelineCapacity of(TimelineBounds b) {
        return new TimelineCapacity(b.fineSeconds(), b.coarseMinutes(), b.collections(), b.marks(), b.bytesHeld());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
