package dev.heapscope.tracing;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes each live thread has allocated so far ({@code com.sun.management.ThreadMXBean}), exact per
 * thread. Taken when tracing starts and again when samples are settled, the difference bounds what a
 * thread's samples since the start can honestly weigh ({@link FirstSamples}).
 *
 * @param bytesByThread Java thread id to cumulative allocated bytes; empty when the JVM does not report it
 */
record ThreadAllocations(Map<Long, Long> bytesByThread) {

    ThreadAllocations {
        bytesByThread = Map.copyOf(bytesByThread);
    }

    /** The allocated bytes of every live thread now; empty when unsupported or disabled. */
    static ThreadAllocations now() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            return new ThreadAllocations(Map.of());
        }
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return new ThreadAllocations(byThread);
    }

    boolean known() {
        return !bytesByThread.isEmpty();
    }

    /** Whether the thread was alive, and its allocation reported, at this reading. */
    boolean knows(long javaThreadId) {
        return bytesByThread.containsKey(javaThreadId);
    }

    /**
     * What the thread allocated between {@code start} and this reading: null when this reading does not
     * know the thread (it ended); everything it allocated when it started after {@code start}.
     */
    Long allocatedSince(ThreadAllocations start, long javaThreadId) {
        Long now = bytesByThread.get(javaThreadId);
        if (now == null) {
            return null;
        }
        return now - start.bytesByThread.getOrDefault(javaThreadId, 0L);
    }
}
