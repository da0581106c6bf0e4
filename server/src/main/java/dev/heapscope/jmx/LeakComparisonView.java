package dev.heapscope.jmx;

import dev.heapscope.snapshot.LeakComparison;
import dev.heapscope.snapshot.LeakGrowth;
import java.util.List;

/** Leak groups new or grown since a baseline, as JMX clients see them, biggest growth first. */
public final class LeakComparisonView {

    private final LeakComparison comparison;

    LeakComparisonView(LeakComparison comparison) {
        this.comparison = comparison;
    }

    public String getSnapshot() {
        return comparison.snapshot();
    }

    public String getBaseline() {
        return comparison.baseline();
    }

    public List<Growth> getGroups() {
        return comparison.groups().stream().map(Growth::new).toList();
    }

    public List<String> getNotes() {
        return comparison.notes();
    }

    /** A group in the newer snapshot and how it grew: NEW (absent from the baseline) or GROWN. */
    public static final class Growth {

        private final LeakGrowth growth;

        Growth(LeakGrowth growth) {
            this.growth = growth;
        }

        public String getStatus() {
            return growth.isNew() ? "NEW" : "GROWN";
        }

        public int getBaselineSamples() {
            return growth.baselineSamples();
        }

        public int getSamplesDiff() {
            return growth.samplesDiff();
        }

        public LeakReportView.Group getGroup() {
            return new LeakReportView.Group(growth.group());
        }
    }
}
