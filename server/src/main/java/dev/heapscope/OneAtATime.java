package dev.heapscope;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs heavy operations (snapshots, histograms, graph walks) one at a time per heapscope instance, and
 * only when the host's heap has room for them ({@link HeapHeadroom}). A second caller is refused at once
 * with {@link HeapscopeException.Busy} rather than queued, so a burst of requests can never pile up work,
 * threads or memory inside the host.
 */
public final class OneAtATime {

    private static final int RETRY_AFTER_SECONDS = 2;

    private final Semaphore permit = new Semaphore(1);
    private final Runnable fullGc;
    private volatile String running = "";

    /** @param fullGc runs a full GC (for work that starts with one anyway, see {@link #run}) */
    public OneAtATime(Runnable fullGc) {
        this.fullGc = fullGc;
    }

    /**
     * Runs {@code work} if nothing else heavy is running and the heap has room for it.
     *
     * @param what           what the work is, e.g. "a snapshot" (named in refusals)
     * @param needBytes      the most the work allocates at once, estimated
     * @param startsWithAGc  whether the work runs a full GC first anyway: then a full heap is collected
     *                       once before the work is refused, so that garbage is not taken for live data
     * @throws HeapscopeException.Busy        when another heavy operation runs
     * @throws HeapscopeException.Unavailable when the heap is too full (with a retry delay)
     */
    public <T> T run(String what, long needBytes, boolean startsWithAGc, Supplier<T> work) {
        if (!permit.tryAcquire()) {
            throw new HeapscopeException.Busy(
                    "another heavy operation (" + running + ") is running; retry in a moment", RETRY_AFTER_SECONDS);
        }
        try {
            running = what;
            HeapHeadroom.require(what, needBytes, startsWithAGc ? fullGc : null);
            return work.get();
        } finally {
            running = "";
            permit.release();
        }
    }

    /** What runs now, or an empty string. */
    public String running() {
        return running;
    }

    /** Waits until no heavy operation runs, at most {@code timeout}; whether none does. */
    public boolean awaitIdle(Duration timeout) {
        try {
            if (permit.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                permit.release();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
