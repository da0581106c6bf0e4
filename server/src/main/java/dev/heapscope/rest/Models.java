package dev.heapscope.rest;

import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.heap.ClassLayoutView;
import dev.heapscope.rest.model.BackrefChain;
import dev.heapscope.rest.model.BackrefHop;
import dev.heapscope.rest.model.BackrefReport;
import dev.heapscope.rest.model.ClassFootprint;
import dev.heapscope.rest.model.ClassLayout;
import dev.heapscope.rest.model.DeepSizeReport;
import dev.heapscope.rest.model.LayoutField;
import dev.heapscope.rest.model.LayoutGap;
import dev.heapscope.rest.model.RefNode;
import dev.heapscope.rest.model.RefsReport;
import dev.heapscope.rest.model.WalkFigures;
import dev.heapscope.rest.model.ComparisonReport;
import dev.heapscope.rest.model.FigureBasis;
import dev.heapscope.rest.model.GcRoot;
import dev.heapscope.rest.model.Hop;
import dev.heapscope.rest.model.LeakComparison;
import dev.heapscope.rest.model.LeakGroup;
import dev.heapscope.rest.model.LeakGrowth;
import dev.heapscope.rest.model.LeakReport;
import dev.heapscope.rest.model.ReferenceChain;
import dev.heapscope.rest.model.HeapFigures;
import dev.heapscope.rest.model.Histogram;
import dev.heapscope.rest.model.HistogramEntry;
import dev.heapscope.rest.model.SnapshotSummary;
import dev.heapscope.rest.model.Statistic;
import dev.heapscope.rest.model.StatisticDiff;
import dev.heapscope.rest.model.StatisticsReport;
import dev.heapscope.rest.model.TracedMemory;
import dev.heapscope.rest.model.TracingSettings;
import dev.heapscope.rest.model.TracingStatus;
import dev.heapscope.tracing.TracingService;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Core values to the generated wire models and back: mapping only, no decisions. */
final class Models {

    private Models() {
    }

    static dev.heapscope.tracing.TracingSettings settings(TracingSettings wire) {
        return wire == null ? dev.heapscope.tracing.TracingSettings.DEFAULTS
                : TracingService.settings(wire.getStackDepth(), wire.getAllocationSamplesPerSecond());
    }

    static TracingSettings of(dev.heapscope.tracing.TracingSettings settings) {
        if (settings == null) {
            return null;
        }
        return new TracingSettings().stackDepth(settings.stackDepth())
                .allocationSamplesPerSecond(settings.allocationSamplesPerSecond());
    }

    static TracingStatus of(dev.heapscope.tracing.TracingStatus status) {
        return new TracingStatus(status.tracing(),
                new TracedMemory(status.memory().currentBytes(), status.memory().peakBytes()))
                .since(time(status.since()))
                .settings(of(status.settings()));
    }

    static SnapshotSummary of(dev.heapscope.snapshot.SnapshotSummary s) {
        dev.heapscope.snapshot.HeapFigures h = s.heap();
        HeapFigures heap = new HeapFigures(h.usedBytes(), h.committedBytes(), h.maxBytes(), h.nonHeapUsedBytes(),
                h.liveBytes(), h.liveObjects());
        return new SnapshotSummary(s.name(), time(s.takenAt()), s.tracing(), heap, s.notes())
                .tracingSince(time(s.tracingSince()))
                .settings(of(s.settings()))
                .allocationSamples(s.allocationSamples())
                .liveSamples(s.liveSamples())
                .histogramClasses(s.histogramClasses());
    }

    static StatisticsReport of(dev.heapscope.snapshot.StatisticsReport r) {
        return new StatisticsReport(r.snapshot(), r.groupBy().toString(), r.view().toString(),
                r.cumulative(), basis(r.sizeBasis()), basis(r.countBasis()), r.totalSize(), r.totalCount(),
                r.entries().stream().map(Models::of).toList(), r.notes())
                .stackDepth(r.stackDepth());
    }

    static ComparisonReport of(dev.heapscope.snapshot.ComparisonReport r) {
        return new ComparisonReport(r.snapshot(), r.baseline(), r.groupBy().toString(),
                r.view().toString(), r.cumulative(), basis(r.sizeBasis()), basis(r.countBasis()),
                r.entries().stream().map(Models::of).toList(), r.notes())
                .stackDepth(r.stackDepth());
    }

    static Histogram of(ClassHistogram h) {
        return new Histogram(time(h.takenAt()), h.totalInstances(), h.totalBytes(),
                h.classes().stream().map(Models::of).toList());
    }

    static LeakReport of(dev.heapscope.snapshot.LeakReport r) {
        return new LeakReport(r.snapshot(), r.chainsIncluded(), r.totalSamples(),
                r.groups().stream().map(Models::of).toList(), r.notes());
    }

    static LeakComparison of(dev.heapscope.snapshot.LeakComparison c) {
        return new LeakComparison(c.snapshot(), c.baseline(), c.groups().stream().map(g -> new LeakGrowth(
                LeakGrowth.StatusEnum.fromValue(g.status().name()), g.baselineSamples(), g.samplesDiff(),
                of(g.group()))).toList(), c.notes());
    }

    private static LeakGroup of(dev.heapscope.snapshot.LeakGroup g) {
        return new LeakGroup(g.site(), g.traceback(), g.type(), g.samples(), g.oldestAgeMillis())
                .chain(of(g.chain()));
    }

    private static ReferenceChain of(dev.heapscope.tracing.ReferenceChain chain) {
        if (chain == null) {
            return null;
        }
        return new ReferenceChain(chain.hops().stream().map(Models::of).toList(),
                new GcRoot(chain.root().kind(), chain.root().description()), chain.truncated());
    }

    private static Hop of(dev.heapscope.tracing.Hop hop) {
        Hop wire = new Hop(hop.holderType()).field(hop.field()).arrayIndex(hop.arrayIndex());
        return hop.skippedBefore() > 0 ? wire.skippedBefore(hop.skippedBefore()) : wire;
    }

    static DeepSizeReport of(dev.heapscope.heap.DeepSizeReport r) {
        return new DeepSizeReport(r.root(), r.type(), r.shallowBytes(), r.deepBytes(), r.objectCount(), r.classCount(),
                r.byClass().stream().map(c -> new ClassFootprint(c.type(), c.count(), c.bytes())).toList(),
                of(r.walk()));
    }

    static BackrefReport of(dev.heapscope.heap.BackrefReport r) {
        return new BackrefReport(r.root(), r.rootType(), r.type(), r.chains().stream().map(c -> new BackrefChain(
                c.targetType(), c.targetShallowBytes(), c.depth(),
                c.hops().stream().map(h -> new BackrefHop(h.holderType(), h.edge())).toList(), c.path())).toList(),
                of(r.walk()));
    }

    static RefsReport of(dev.heapscope.heap.RefsReport r) {
        return new RefsReport(r.root(), r.maxDepth(), of(r.tree()), of(r.walk()));
    }

    private static RefNode of(dev.heapscope.heap.RefNode n) {
        return new RefNode(n.field(), n.type(), n.count(), n.shallowBytes(), n.deepBytes(),
                n.children().stream().map(Models::of).toList(), (long) n.otherChildren(), n.otherBytes());
    }

    static ClassLayout of(ClassLayoutView v) {
        return new ClassLayout(v.className(), v.headerBytes(), v.instanceBytes(), v.arrayElementBytes(),
                v.fields().stream().map(f -> new LayoutField(f.name(), f.type(), f.declaringClass(), f.offset(),
                        f.size())).toList(),
                v.gaps().stream().map(g -> new LayoutGap(g.offset(), g.size(), g.alignment())).toList(),
                v.internalLossBytes(), v.externalLossBytes(), v.totalLossBytes());
    }

    private static WalkFigures of(dev.heapscope.heap.WalkFigures w) {
        return new WalkFigures(w.truncated(), w.objectsVisited(), w.elapsedMs(), w.liveGraph(), w.notFollowed())
                .truncationReason(w.truncationReason())
                .maxObjects(w.maxObjects())
                .timeLimitMs(w.timeLimitMs());
    }

    private static HistogramEntry of(ClassCount c) {
        return new HistogramEntry(c.type(), c.instances(), c.bytes());
    }

    private static Statistic of(dev.heapscope.snapshot.Statistic s) {
        Statistic wire = new Statistic(s.key(), s.size(), s.count(), s.average());
        return s.traceback().isEmpty() ? wire : wire.traceback(s.traceback());
    }

    private static StatisticDiff of(dev.heapscope.snapshot.StatisticDiff d) {
        StatisticDiff wire = new StatisticDiff(d.key(), d.size(), d.sizeDiff(), d.count(), d.countDiff(), d.average());
        return d.traceback().isEmpty() ? wire : wire.traceback(d.traceback());
    }

    private static FigureBasis basis(dev.heapscope.snapshot.FigureBasis basis) {
        return FigureBasis.fromValue(basis.name());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
