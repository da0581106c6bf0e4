package dev.heapscope.rest;

import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.heap.BackrefResult;
import dev.heapscope.heap.ClassLayoutView;
import dev.heapscope.heap.DeepSize;
import dev.heapscope.heap.ReferenceTree;
import dev.heapscope.heap.RootSize;
import dev.heapscope.heap.TypeNames;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.heap.WalkRequest;
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
import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.tracing.LiveSampleWindow;
import dev.heapscope.tracing.TracingService;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Core values to the generated wire models and back: mapping only, no decisions. */
final class Models {

    private Models() {
    }

    static dev.heapscope.tracing.TracingSettings settings(TracingSettings wire) {
        dev.heapscope.tracing.TracingSettings defaults = dev.heapscope.tracing.TracingSettings.DEFAULTS;
        if (wire == null) {
            return defaults;
        }
        return TracingService.settings(
                wire.getStackDepth() == null ? defaults.stackDepth() : wire.getStackDepth(),
                wire.getAllocationSamplesPerSecond() == null ? defaults.allocationSamplesPerSecond()
                        : wire.getAllocationSamplesPerSecond(),
                wire.getLiveSampling() == null ? defaults.liveSampling() : wire.getLiveSampling());
    }

    static TracingSettings of(dev.heapscope.tracing.TracingSettings settings) {
        if (settings == null) {
            return null;
        }
        return new TracingSettings().stackDepth(settings.stackDepth())
                .allocationSamplesPerSecond(settings.allocationSamplesPerSecond())
                .liveSampling(settings.liveSampling());
    }

    static TracingStatus of(dev.heapscope.tracing.TracingStatus status) {
        return new TracingStatus(status.tracing(),
                new TracedMemory(status.memory().currentBytes(), status.memory().peakBytes()))
                .since(time(status.since()))
                .settings(of(status.settings()));
    }

    static SnapshotSummary of(Snapshot s) {
        dev.heapscope.snapshot.HeapFigures h = s.heap();
        HeapFigures heap = new HeapFigures(h.usedBytes(), h.committedBytes(), h.maxBytes(), h.nonHeapUsedBytes(),
                h.liveBytes(), h.liveObjects());
        LiveSampleWindow window = s.live().window();
        return new SnapshotSummary(s.name(), time(s.takenAt()), s.tracing(), s.live().available(), heap, s.notes())
                .tracingSince(time(s.tracingSince()))
                .settings(of(s.settings()))
                .allocationSamples(s.allocations().samples())
                .liveSamples((long) s.liveObjects().size())
                .liveSamplesFrom(time(window.from()))
                .liveSamplesUntil(time(window.until()))
                .liveSamplerSharedWith(window.sharedWith())
                .chainsIncluded(s.live().available() ? s.live().chainsIncluded() : null)
                .histogramClasses(s.histogram().classes().size());
    }

    static StatisticsReport of(dev.heapscope.snapshot.StatisticsReport r) {
        return new StatisticsReport(r.snapshot(), r.query().groupBy().wireName(), r.query().view().wireName(),
                r.query().cumulative(), basis(r.sizeBasis()), basis(r.countBasis()), r.totalSize(), r.totalCount(),
                r.entries().stream().map(Models::of).toList(), r.notes())
                .stackDepth(r.stackDepth())
                .liveSamplesAvailable(r.liveSamplesAvailable());
    }

    static ComparisonReport of(dev.heapscope.snapshot.ComparisonReport r) {
        return new ComparisonReport(r.snapshot(), r.baseline(), r.query().groupBy().wireName(),
                r.query().view().wireName(), r.query().cumulative(), basis(r.sizeBasis()), basis(r.countBasis()),
                r.entries().stream().map(Models::of).toList(), r.notes())
                .stackDepth(r.stackDepth())
                .liveSamplesAvailable(r.liveSamplesAvailable());
    }

    static Histogram of(ClassHistogram h) {
        return new Histogram(time(h.takenAt()), h.totalInstances(), h.totalBytes(),
                h.classes().stream().map(Models::of).toList());
    }

    static LeakReport of(dev.heapscope.snapshot.LeakReport r) {
        return new LeakReport(r.snapshot(), r.liveSamplesAvailable(), r.chainsIncluded(), r.totalSamples(),
                r.groups().stream().map(Models::of).toList(), r.notes());
    }

    static LeakComparison of(dev.heapscope.snapshot.LeakComparison c) {
        return new LeakComparison(c.snapshot(), c.baseline(), c.liveSamplesAvailable(), c.groups().stream().map(g -> new LeakGrowth(
                g.isNew() ? LeakGrowth.StatusEnum.NEW : LeakGrowth.StatusEnum.GROWN, g.baselineSamples(),
                g.samplesDiff(), of(g.group()))).toList(), c.notes());
    }

    private static LeakGroup of(dev.heapscope.snapshot.LeakGroup g) {
        return new LeakGroup(g.site(), g.traceback(), g.type(), g.samples(), g.oldestAge().toMillis())
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

    static DeepSizeReport of(RootSize r, int limit) {
        DeepSize d = r.size();
        return new DeepSizeReport(r.name(), r.type(), d.shallowBytes(), d.deepBytes(), d.objectCount(),
                d.byClass().size(),
                d.byClass().stream().limit(limit)
                        .map(c -> new ClassFootprint(TypeNames.readable(c.className()), c.count(), c.bytes())).toList(),
                walk(d.truncated(), d.truncationReason(), d.objectsVisited(), d.elapsedNanos(), r.options()));
    }

    static BackrefReport backrefs(String root, String rootType, String type, BackrefResult result,
                                  WalkOptions options) {
        return new BackrefReport(root, rootType, type, result.chains().stream().map(c -> new BackrefChain(
                c.targetType(), c.targetShallowBytes(), c.depth(),
                c.hops().stream().map(h -> new BackrefHop(h.holderType(), h.edge())).toList(), c.describe())).toList(),
                walk(result.truncated(), result.truncationReason(), result.objectsVisited(), result.elapsedNanos(),
                        options));
    }

    static RefsReport refs(String root, int maxDepth, ReferenceTree tree, WalkOptions options) {
        return new RefsReport(root, maxDepth, of(tree.root()), walk(tree.truncated(), tree.truncationReason(),
                tree.objectsVisited(), tree.elapsedNanos(), options));
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

    private static WalkFigures walk(boolean truncated, String reason, long visited, long elapsedNanos,
                                    WalkOptions options) {
        return new WalkFigures(truncated, visited, elapsedNanos / 1_000_000, true,
                WalkRequest.describe(options.boundaries()))
                .truncationReason(reason)
                .maxObjects(options.maxObjects())
                .timeLimitMs(options.timeLimit().toMillis());
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
