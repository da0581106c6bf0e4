package dev.heapscope.tracing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The heap memory pools: traced memory now and at peak, and resetting the peak. */
final class HeapPools {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .toList();

    TracedMemory read() {
        long current = 0;
        long peak = 0;
        for (MemoryPoolMXBean pool : pools) {
            current += pool.getUsage().getUsed();
            peak += pool.getPeakUsage().getUsed();
        }
        // pools peak at different moments, so the sum of peaks can lag the current sum only by rounding
        return new TracedMemory(current, Math.max(current, peak));
    }

    void resetPeak() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }
}
