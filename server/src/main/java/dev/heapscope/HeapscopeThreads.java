package dev.heapscope;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place heapscope creates threads: every thread is a daemon named {@code heapscope-<role>-<n>},
 * so the host's shutdown never waits for heapscope, and heapscope's own allocations can be recognised
 * (and left out of the statistics) by thread name. Each runs with heapscope's class loader as its context
 * class loader: Jersey, HK2 and Jetty look their parts up through it, and when the agent loads heapscope in
 * a loader of its own, the host's loader (with the host's Jersey 2, say) must never answer them.
 */
public final class HeapscopeThreads {

    /** Every heapscope thread name starts with this. */
    public static final String PREFIX = "heapscope-";

    private HeapscopeThreads() {
    }

    /** A factory of daemon threads named {@code heapscope-<role>-<n>}. */
    public static ThreadFactory factory(String role) {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, PREFIX + role + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(HeapscopeThreads.class.getClassLoader());
            return thread;
        };
    }

    /** Whether a thread name is one of heapscope's. */
    public static boolean isHeapscopeThread(String threadName) {
        return threadName != null && threadName.startsWith(PREFIX);
    }
}
