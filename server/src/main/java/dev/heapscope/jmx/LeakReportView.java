package dev.heapscope.jmx;

import dev.heapscope.snapshot.LeakGroup;
import dev.heapscope.snapshot.LeakReport;
import dev.heapscope.tracing.ReferenceChain;
import java.util.List;

/**
 * A snapshot's live sampled objects grouped by allocation site, as JMX clients see them: CompositeData with
 * the groups as CompositeData[], most samples first, each with the chain that keeps its oldest object alive.
 */
public final class LeakReportView {

    private final LeakReport report;

    LeakReportView(LeakReport report) {
        this.report = report;
    }

    public String getSnapshot() {
        return report.snapshot();
    }

    /** Whether the snapshot holds reference chains (it does when tracing was on). */
    public boolean isChainsIncluded() {
        return report.chainsIncluded();
    }

    /** Live sampled objects in the snapshot, in all groups. */
    public int getTotalSamples() {
        return report.totalSamples();
    }

    public List<Group> getGroups() {
        return report.groups().stream().map(Group::new).toList();
    }

    public List<String> getNotes() {
        return report.notes();
    }

    /** Live sampled objects of one type allocated at one site. */
    public static final class Group {

        private final LeakGroup group;

        Group(LeakGroup group) {
            this.group = group;
        }

        /** The allocation line, e.g. {@code com/example/Store.java:42}. */
        public String getSite() {
            return group.site();
        }

        public List<String> getTraceback() {
            return group.traceback();
        }

        public String getType() {
            return group.type();
        }

        public int getSamples() {
            return group.samples();
        }

        /** The age of the group's oldest object at the snapshot, milliseconds. */
        public long getOldestAgeMillis() {
            return group.oldestAge().toMillis();
        }

        /** The oldest object's chain to its GC root, or null when the JVM reported none. */
        public Chain getChain() {
            return group.chain() == null ? null : new Chain(group.chain());
        }
    }

    /** The path from a GC root to a leaked object: hops from the object outwards, and the root. */
    public static final class Chain {

        private final ReferenceChain chain;

        Chain(ReferenceChain chain) {
            this.chain = chain;
        }

        public List<Hop> getHops() {
            return chain.hops().stream().map(Hop::new).toList();
        }

        public String getRootKind() {
            return chain.root().kind();
        }

        public String getRootDescription() {
            return chain.root().description();
        }

        /** Whether the JVM cut the chain short (its search is bounded). */
        public boolean isTruncated() {
            return chain.truncated();
        }
    }

    /** One reference: the object of type holderType holds the next one in field (or at arrayIndex). */
    public static final class Hop {

        private final dev.heapscope.tracing.Hop hop;

        Hop(dev.heapscope.tracing.Hop hop) {
            this.hop = hop;
        }

        public String getHolderType() {
            return hop.holderType();
        }

        /** The field name, or null for an array element. */
        public String getField() {
            return hop.field();
        }

        /** The array index, or null for a field. */
        public Integer getArrayIndex() {
            return hop.arrayIndex();
        }

        /** Hops the JVM left out before this one. */
        public int getSkippedBefore() {
            return hop.skippedBefore();
        }
    }
}
