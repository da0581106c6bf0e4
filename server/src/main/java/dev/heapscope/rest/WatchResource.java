package dev.heapscope.rest;

import dev.heapscope.rest.api.WatchApi;
import dev.heapscope.rest.model.FigureBasis;
import dev.heapscope.rest.model.LiveSetTrend;
import dev.heapscope.rest.model.Suspect;
import dev.heapscope.rest.model.WatchSettings;
import dev.heapscope.rest.model.WatchSkip;
import dev.heapscope.rest.model.WatchSnapshot;
import dev.heapscope.rest.model.WatchStatus;
import dev.heapscope.watch.LeakWatch;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** /watch: maps to {@link LeakWatch}. */
public final class WatchResource implements WatchApi {

    private final LeakWatch watch;

    @Inject
    WatchResource(LeakWatch watch) {
        this.watch = watch;
    }

    @Override
    public Response getWatch() {
        return Response.ok(of(watch.status())).build();
    }

    @Override
    public Response startWatch(WatchSettings settings) {
        dev.heapscope.watch.WatchSettings core = settings == null ? dev.heapscope.watch.WatchSettings.defaults()
                : dev.heapscope.watch.WatchSettings.of(settings.getIntervalSeconds(), settings.getKeep(),
                        settings.getMinGrowingIntervals());
        return Response.ok(of(watch.start(core))).build();
    }

    @Override
    public Response stopWatch() {
        return Response.ok(of(watch.stop())).build();
    }

    static WatchStatus of(dev.heapscope.watch.WatchStatus s) {
        return new WatchStatus(s.watching(),
                s.snapshots().stream().map(t -> new WatchSnapshot(t.name(), TimelineModels.time(t.takenAt()),
                        t.liveBytes(), t.liveObjects(), t.tracing())).toList(),
                s.skipped().stream().map(k -> new WatchSkip(TimelineModels.time(k.time()), k.reason())).toList(),
                s.suspects().stream().map(WatchResource::of).toList(), of(s.liveSet()), s.notes())
                .since(TimelineModels.time(s.since()))
                .nextSnapshotAt(TimelineModels.time(s.nextSnapshotAt()))
                .settings(s.settings() == null ? null : new WatchSettings()
                        .intervalSeconds(s.settings().intervalSeconds()).keep(s.settings().keep())
                        .minGrowingIntervals(s.settings().minGrowingIntervals()));
    }

    private static Suspect of(dev.heapscope.watch.Suspect s) {
        boolean type = s.kind() == dev.heapscope.watch.Suspect.Kind.TYPE;
        return new Suspect(s.key(), Suspect.KindEnum.fromValue(s.kind().wireName()), s.countPerHour(),
                type ? FigureBasis.EXACT : FigureBasis.SAMPLES, s.currentCount(), s.growingIntervals(), s.intervals(),
                s.consistency())
                .bytesPerHour(s.bytesPerHour())
                .currentBytes(s.currentBytes());
    }

    private static LiveSetTrend of(dev.heapscope.watch.LiveSetTrend t) {
        LiveSetTrend wire = new LiveSetTrend(t.snapshots(), t.growing(), t.maxHeapBytes(), t.restsOn())
                .slopeBytesPerHour(t.slopeBytesPerHour())
                .projectedOutOfMemoryAt(TimelineModels.time(t.projectedOutOfMemoryAt()));
        return t.snapshots() == 0 ? wire : wire.fromBytes(t.fromBytes()).toBytes(t.toBytes());
    }
}
