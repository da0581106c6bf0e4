package dev.heapscope;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Runs heavy operations (snapshots, histograms, graph walks) one at a time per heapscope instance.
 * A second caller is refused at once with {@link HeapscopeException.Busy} rather than queued, so a
 * burst of requests can never pile up work, threads or memory inside the host.
 */
public final class OneAtATime {

    private static final int RETRY_AFTER_SECONDS = 2;

    private final Semaphore permit = new Semaphore(1);
    private volatile String running = "";

    /** Runs {@code work} if nothing else heavy is running, else throws {@link HeapscopeException.Busy}. */
    public <T> T run(String what, Supplier<T> work) {
        if (!permit.tryAcquire()) {
            throw new HeapscopeException.Busy(
                    "another heavy operation (" + running + ") is running; retry in a moment", RETRY_AFTER_SECONDS);
        }
        try {
            running = what;
            return work.get();
        } finally {
            running = "";
            permit.release();
        }
    }
}
