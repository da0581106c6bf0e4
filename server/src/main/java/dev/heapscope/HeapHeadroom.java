package dev.heapscope;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the host's heap has room for heavy work, so that heapscope never becomes the allocation that
 * throws OutOfMemoryError in the service it inspects.
 *
 * <p>The live heap is read as the heap in use at the end of the most recent collection (any collector,
 * young ones included: {@code GarbageCollectorMXBean.getLastGcInfo()}), which counts old garbage not yet
 * collected, so it errs towards refusing. Heavy work is refused when that plus its estimated need would
 * pass {@value #MAX_FILL_PERCENT}% of the maximum heap ({@code -Xmx}); a running walk stops when the heap
 * after a collection passes {@value #WALK_STOP_PERCENT}%. Reads JVM MXBeans only; no state.
 */
public final class HeapHeadroom {

    /** Heavy work is refused when the live heap plus its need would pass this share of the maximum heap. */
    public static final int MAX_FILL_PERCENT = 90;
    /** A walk already running stops when the heap after a collection passes this share. */
    public static final int WALK_STOP_PERCENT = 95;
    /** What a refusal's Retry-After says: the service's memory does not shrink in a moment. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private static final long MB = 1024 * 1024;

    private HeapHeadroom() {
    }

    /**
     * The heap as heapscope judges it.
     *
     * @param liveBytes used at the end of the last collection (now, before any)
     * @param maxBytes  the maximum heap, or -1 when the JVM sets none
     */
    public record Heap(long liveBytes, long maxBytes) {
        int percentFull() {
            return (int) Math.round(100.0 * liveBytes / maxBytes);
        }
    }

    /** The heap now. */
    public static Heap now() {
        return new Heap(liveAfterLastGc(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
    }

    /**
     * Refuses {@code what} when it would leave the heap too full.
     *
     * @param what      e.g. "a snapshot", named in the detail
     * @param needBytes heapscope's estimate of what the work allocates at most at once
     * @param fullGc    run once before refusing when the work collects first anyway (a snapshot or a
     *                  histogram starts with a full GC), so that garbage is not taken for live data; or null
     * @throws HeapscopeException.Unavailable with Retry-After and a detail that says why
     */
    public static void require(String what, long needBytes, Runnable fullGc) {
        Heap heap = now();
        if (fits(heap, needBytes)) {
            return;
        }
        if (fullGc != null) {
            fullGc.run();
            heap = now();
            if (fits(heap, needBytes)) {
                return;
            }
        }
        throw new HeapscopeException.Unavailable(String.format(Locale.ROOT,
                "the heap is %d%% full after the last GC (%d MB of %d MB); %s needs about %d MB more, and heapscope"
                        + " refuses work that would leave less than %d%% of the heap free for the service: retry when"
                        + " the service holds less memory",
                heap.percentFull(), heap.liveBytes() / MB, heap.maxBytes() / MB, what, Math.max(1, needBytes / MB),
                100 - MAX_FILL_PERCENT), RETRY_AFTER_SECONDS);
    }

    /** Null while a running walk may go on; otherwise why it must stop. */
    public static String walkMustStop() {
        Heap heap = now();
        if (heap.maxBytes() <= 0 || heap.liveBytes() * 100 <= (long) WALK_STOP_PERCENT * heap.maxBytes()) {
            return null;
        }
        return "stopped: the heap was " + heap.percentFull() + "% full after a GC, so the walk let go of its tables";
    }

    private static boolean fits(Heap heap, long needBytes) {
        return heap.maxBytes() <= 0 || (heap.liveBytes() + needBytes) * 100 <= (long) MAX_FILL_PERCENT * heap.maxBytes();
    }

    private static long liveAfterLastGc() {
        com.sun.management.GcInfo latest = null;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof com.sun.management.GarbageCollectorMXBean hotspot) {
                com.sun.management.GcInfo info = hotspot.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        long usedNow = 0;
        long usedAfterGc = 0;
        Map<String, MemoryUsage> afterGc = latest == null ? Map.of() : latest.getMemoryUsageAfterGc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                long now = pool.getUsage().getUsed();
                MemoryUsage after = afterGc.get(pool.getName());
                usedNow += now;
                usedAfterGc += after == null ? now : after.getUsed();
            }
        }
        return latest == null ? usedNow : Math.min(usedNow, usedAfterGc);
    }
}
