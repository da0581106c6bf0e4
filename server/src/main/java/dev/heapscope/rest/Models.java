package dev.heapscope.rest;

import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.ClassHistogram;
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
                        : wire.getAllocationSamplesPerSecond());
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

    static SnapshotSummary of(Snapshot s) {
        dev.heapscope.snapshot.HeapFigures h = s.heap();
        HeapFigures heap = new HeapFigures(h.usedBytes(), h.committedBytes(), h.maxBytes(), h.nonHeapUsedBytes(),
                h.liveBytes(), h.liveObjects());
        return new SnapshotSummary(s.name(), time(s.takenAt()), s.tracing(), heap, s.notes())
                .tracingSince(time(s.tracingSince()))
                .settings(of(s.settings()))
                .allocationSamples(s.allocations().samples())
                .liveSamples((long) s.liveObjects().size())
                .histogramClasses(s.histogram().classes().size());
    }

    static StatisticsReport of(dev.heapscope.snapshot.StatisticsReport r) {
        return new StatisticsReport(r.snapshot(), r.query().groupBy().wireName(), r.query().view().wireName(),
                r.query().cumulative(), basis(r.sizeBasis()), basis(r.countBasis()), r.totalSize(), r.totalCount(),
                r.entries().stream().map(Models::of).toList(), r.notes())
                .stackDepth(r.stackDepth());
    }

    static ComparisonReport of(dev.heapscope.snapshot.ComparisonReport r) {
        return new ComparisonReport(r.snapshot(), r.baseline(), r.query().groupBy().wireName(),
                r.query().view().wireName(), r.query().cumulative(), basis(r.sizeBasis()), basis(r.countBasis()),
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
