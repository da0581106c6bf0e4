package dev.heapscope.jmx;

import dev.heapscope.snapshot.ComparisonReport;
import dev.heapscope.snapshot.StatisticDiff;
import java.util.List;

/**
 * A snapshot compared to a baseline as JMX clients see it: CompositeData with the entries as
 * CompositeData[], biggest absolute size difference first (tracemalloc's StatisticDiff).
 */
public final class ComparisonView {

    private final ComparisonReport report;

    ComparisonView(ComparisonReport report) {
        this.report = report;
    }

    public String getSnapshot() {
        return report.snapshot();
    }

    public String getBaseline() {
        return report.baseline();
    }

    public String getGroupBy() {
        return report.query().groupBy().wireName();
    }

    public String getView() {
        return report.query().view().wireName();
    }

    public boolean isCumulative() {
        return report.query().cumulative();
    }

    public int getStackDepth() {
        return report.stackDepth();
    }

    public String getSizeBasis() {
        return report.sizeBasis().name();
    }

    public String getCountBasis() {
        return report.countBasis().name();
    }

    public List<Entry> getEntries() {
        return report.entries().stream().map(Entry::new).toList();
    }

    public List<String> getNotes() {
        return report.notes();
    }

    /** One group: size and count in the newer snapshot, their differences to the baseline, the average. */
    public static final class Entry {

        private final StatisticDiff diff;

        Entry(StatisticDiff diff) {
            this.diff = diff;
        }

        public String getKey() {
            return diff.key();
        }

        public List<String> getTraceback() {
            return diff.traceback();
        }

        public long getSize() {
            return diff.size();
        }

        public long getSizeDiff() {
            return diff.sizeDiff();
        }

        public long getCount() {
            return diff.count();
        }

        public long getCountDiff() {
            return diff.countDiff();
        }

        public long getAverage() {
            return diff.average();
        }
    }
}
