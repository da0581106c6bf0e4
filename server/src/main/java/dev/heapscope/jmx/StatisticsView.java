package dev.heapscope.jmx;

import dev.heapscope.snapshot.Statistic;
import dev.heapscope.snapshot.StatisticsReport;
import java.util.List;

/**
 * Statistics of one snapshot as JMX clients see them: CompositeData with the entries as CompositeData[],
 * biggest first. sizeBasis and countBasis say what the figures are (ESTIMATED, SAMPLES, EXACT, UNAVAILABLE).
 */
public final class StatisticsView {

    private final StatisticsReport report;

    StatisticsView(StatisticsReport report) {
        this.report = report;
    }

    public String getSnapshot() {
        return report.snapshot();
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

    /** The size summed over all groups, not only the returned entries. */
    public long getTotalSize() {
        return report.totalSize();
    }

    public long getTotalCount() {
        return report.totalCount();
    }

    public List<Entry> getEntries() {
        return report.entries().stream().map(Entry::new).toList();
    }

    public List<String> getNotes() {
        return report.notes();
    }

    /** One group: its key, traceback (groupBy traceback only), size in bytes, count and average. */
    public static final class Entry {

        private final Statistic statistic;

        Entry(Statistic statistic) {
            this.statistic = statistic;
        }

        public String getKey() {
            return statistic.key();
        }

        public List<String> getTraceback() {
            return statistic.traceback();
        }

        public long getSize() {
            return statistic.size();
        }

        public long getCount() {
            return statistic.count();
        }

        public long getAverage() {
            return statistic.average();
        }
    }
}
