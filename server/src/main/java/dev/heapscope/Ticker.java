package dev.heapscope;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One heapscope daemon thread ({@code heapscope-<role>-1}) that runs a task at a fixed period, the first
 * time at once. {@link #close()} stops it and waits for it to end, so that a closed heapscope leaves no
 * thread behind. A task that throws is run again at the next tick; a host paused past a tick (a long GC, a
 * suspended VM) resumes from now rather than catching up.
 */
public final class Ticker implements AutoCloseable {

    private static final long JOIN_MILLIS = 60_000;

    private final Thread thread;
    private final long periodNanos;
    private final Runnable task;
    private volatile boolean stopping;

    private Ticker(String role, Duration period, Runnable task) {
        this.periodNanos = period.toNanos();
        this.task = task;
        this.thread = HeapscopeThreads.factory(role).newThread(this::run);
    }

    /** Starts the thread. */
    public static Ticker start(String role, Duration period, Runnable task) {
        Ticker ticker = new Ticker(role, period, task);
        ticker.thread.start();
        return ticker;
    }

    private void run() {
        long next = System.nanoTime();
        while (!stopping) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // the next tick tries again: one failed sample or snapshot must not end the thread
            }
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait < 0) {
                next = System.nanoTime();
            }
            while (!stopping && (wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    /** Stops the thread and waits for it (at most a minute: a task that runs is let finish). Idempotent. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the thread has ended. */
    public boolean ended() {
        return !thread.isAlive();
    }
}
