package dev.heapscope.jmx;

import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.ClassHistogram;
import java.util.List;

/** The live class histogram as JMX clients see it: CompositeData, classes as CompositeData[], exact. */
public final class HistogramView {

    private final ClassHistogram histogram;

    HistogramView(ClassHistogram histogram) {
        this.histogram = histogram;
    }

    public String getTakenAt() {
        return Times.iso(histogram.takenAt());
    }

    /** Live objects in the whole heap, not only the returned classes. */
    public long getTotalInstances() {
        return histogram.totalInstances();
    }

    /** Their shallow bytes. */
    public long getTotalBytes() {
        return histogram.totalBytes();
    }

    public List<Entry> getClasses() {
        return histogram.classes().stream().map(Entry::new).toList();
    }

    /** One class: its live instances and their shallow bytes. */
    public static final class Entry {

        private final ClassCount count;

        Entry(ClassCount count) {
            this.count = count;
        }

        public String getType() {
            return count.type();
        }

        public long getInstances() {
            return count.instances();
        }

        public long getBytes() {
            return count.bytes();
        }
    }
}
