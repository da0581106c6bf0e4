package dev.heapscope.timeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The JVM's memory figures one timeline row holds: heap used and committed, non-heap used, and each
 * memory pool's used bytes, in the order of {@link #names()} (fixed when the timeline starts: pools do not
 * come and go in a running JVM).
 */
final class MemoryPools {

    /** Row columns before the pools: time, heap used, heap committed, non-heap used. */
    static final int FIXED_COLUMNS = 4;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    private final List<String> names = pools.stream().map(MemoryPoolMXBean::getName).toList();
    private final boolean[] heap = new boolean[pools.size()];

    MemoryPools() {
        for (int i = 0; i < pools.size(); i++) {
            heap[i] = pools.get(i).getType() == MemoryType.HEAP;
        }
    }

    List<String> names() {
        return names;
    }

    int count() {
        return names.size();
    }

    boolean isHeap(int pool) {
        return heap[pool];
    }

    /** The heap's maximum in bytes, or -1 when the JVM does not define one. */
    long maxHeapBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** Fills a row: {@code time, heapUsed, heapCommitted, nonHeapUsed, pool...}. */
    void read(long timeMillis, long[] row) {
        MemoryUsage heapUsage = memory.getHeapMemoryUsage();
        row[0] = timeMillis;
        row[1] = heapUsage.getUsed();
        row[2] = heapUsage.getCommitted();
        row[3] = memory.getNonHeapMemoryUsage().getUsed();
        for (int i = 0; i < pools.size(); i++) {
            MemoryUsage usage = pools.get(i).getUsage();
            // an invalid pool (its memory manager removed) reports null: count it as empty
            row[FIXED_COLUMNS + i] = usage == null ? 0 : usage.getUsed();
        }
    }

    /** Index of a pool by name, or -1. */
    int indexOf(String poolName) {
        return names.indexOf(poolName);
    }
}
