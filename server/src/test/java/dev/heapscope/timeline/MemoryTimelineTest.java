package dev.heapscope.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.junit.jupiter.api.Test;

class MemoryTimelineTest {

    private static final long T0 = Instant.parse("2025-01-31T12:00:00Z").toEpochMilli();

    @Test
    void view_keepsRecentSecondsAndThinsOlderOnesIntoMinutes_withinItsBounds() {
        try (MemoryTimeline timeline = new MemoryTimeline(Clock.systemUTC(), 120, 10, 50, 10, false)) {
            // given an hour of samples, one a second, into rings of 120 s and 10 min
            for (int s = 0; s < 3600; s++) {
                timeline.sampleAt(T0 + s * 1000L);
            }

            // when the whole timeline is viewed
            TimelineView view = timeline.view(new TimelineQuery(Instant.EPOCH, Instant.ofEpochMilli(T0 + 3_600_000),
                    TimelineQuery.MAX_POINTS));

            // then the last 120 s are per-second, and 10 complete minutes plus the one filling are per-minute
            List<MemoryPoint> fine = view.points().stream().filter(p -> p.resolutionSeconds() == 1).toList();
            List<MemoryPoint> coarse = view.points().stream().filter(p -> p.resolutionSeconds() == 60).toList();
            assertThat(fine).hasSize(120);
            assertThat(fine.get(0).time()).isEqualTo(Instant.ofEpochMilli(T0 + 3480 * 1000L));
            assertThat(coarse).hasSizeBetween(10, 11);
            assertThat(coarse).allMatch(p -> p.time().toEpochMilli() % 60_000 == 0);
            assertThat(view.points()).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
            assertThat(view.thinned()).isFalse();
        }
    }

    @Test
    void view_mergesPointsToMaxPoints_keepingEachBucketsLargestFigure() {
        try (MemoryTimeline timeline = new MemoryTimeline(Clock.systemUTC(), 600, 10, 50, 10, false)) {
            for (int s = 0; s < 600; s++) {
                timeline.sampleAt(T0 + s * 1000L);
            }

            TimelineView view = timeline.view(new TimelineQuery(Instant.EPOCH, Instant.ofEpochMilli(T0 + 600_000), 50));

            assertThat(view.thinned()).isTrue();
            assertThat(view.points()).hasSizeLessThanOrEqualTo(50).hasSizeGreaterThan(40);
            assertThat(view.points()).allMatch(p -> p.resolutionSeconds() >= 12);
        }
    }

    @Test
    void bounds_statesTheBytesOfItsArrays() {
        try (MemoryTimeline timeline = MemoryTimeline.start()) {
            TimelineBounds bounds = timeline.bounds();

            int pools = ManagementFactory.getMemoryPoolMXBeans().size();
            long rows = (long) MemoryTimeline.FINE_SECONDS + MemoryTimeline.COARSE_MINUTES;
            assertThat(bounds.bytesHeld()).isGreaterThanOrEqualTo(8 * rows * (4 + pools)
                    + 8L * MemoryTimeline.MAX_COLLECTIONS * (6 + pools));
            assertThat(bounds.fineSeconds()).isEqualTo(3600);
            assertThat(bounds.coarseMinutes()).isEqualTo(7 * 24 * 60);
        }
    }

    @Test
    void collections_recordEachPoolAfterTheGc_fromTheJvmsNotification() {
        try (MemoryTimeline timeline = MemoryTimeline.start()) {
            long before = timeline.collectionsSeen();

            System.gc();

            Wait.until("a GC notification", Duration.ofSeconds(10), () -> timeline.collectionsSeen() > before);
            GcPoint gc = timeline.lastCollection();
            assertThat(gc.heapAfterBytes()).isPositive();
            assertThat(gc.collector()).isNotBlank();
            assertThat(gc.poolAfterBytes()).hasSize(ManagementFactory.getMemoryPoolMXBeans().size());
            TimelineView view = timeline.view(TimelineQuery.of("1m", null, null, Instant.now()));
            assertThat(view.collections()).isNotEmpty();
        }
    }

    @Test
    void sampler_takesASampleEverySecond_onItsHeapscopeThread() {
        try (MemoryTimeline timeline = MemoryTimeline.start()) {
            Wait.until("two samples", Duration.ofSeconds(10),
                    () -> timeline.view(TimelineQuery.of(null, null, null, Instant.now())).points().size() >= 2);

            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("heapscope-timeline-1")
                    && t.isDaemon());
        }
    }

    @Test
    void marks_nameTheSnapshotsAndTracing_andDeriveWatchNamesFromTheirTime() {
        try (MemoryTimeline timeline = new MemoryTimeline(Clock.systemUTC(), 10, 10, 10, 10, false)) {
            timeline.mark(Instant.ofEpochMilli(T0), MarkKind.SNAPSHOT, "before");
            timeline.mark(Instant.ofEpochMilli(T0 + 5000), MarkKind.WATCH_SNAPSHOT, "ignored");

            List<Mark> marks = timeline.view(new TimelineQuery(Instant.EPOCH, Instant.ofEpochMilli(T0 + 10_000), 100))
                    .marks();

            assertThat(marks).extracting(Mark::name).containsExactly("before", "watch-20250131T120005Z");
        }
    }

    @Test
    void close_stopsTheSampler_andRemovesItsGcListeners() throws Exception {
        MemoryTimeline timeline = MemoryTimeline.start();
        Wait.until("the sampler thread", Duration.ofSeconds(10), () -> samplerAlive());

        timeline.close();
        long seenAtClose = timeline.collectionsSeen();
        // two GCs seen by a listener of our own: the JVM has dispatched the first to every listener by the second
        AtomicInteger ours = new AtomicInteger();
        NotificationListener counter = (n, h) -> ours.incrementAndGet();
        List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
        emitters.forEach(e -> e.addNotificationListener(counter, null, null));
        try {
            System.gc();
            Wait.until("our listener's first GC", Duration.ofSeconds(10), () -> ours.get() >= 1);
            System.gc();
            Wait.until("our listener's second GC", Duration.ofSeconds(10), () -> ours.get() >= 2);
        } finally {
            for (NotificationEmitter e : emitters) {
                e.removeNotificationListener(counter);
            }
        }

        assertThat(timeline.collectionsSeen()).isEqualTo(seenAtClose);
        assertThat(timeline.samplerTerminated()).isTrue();
        Wait.until("the sampler thread to end", Duration.ofSeconds(10), () -> !samplerAlive());
    }

    private static boolean samplerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("heapscope-timeline"));
    }

}
