package dev.heapscope.e2e;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, polling it: the tests' only way to wait (never a bare sleep). */
final class Deadline {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Duration timeout;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
    }

    static Deadline within(Duration timeout) {
        return new Deadline(timeout);
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} when the deadline passes first. */
    void until(String what, BooleanSupplier condition) {
        await(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /**
     * Polls {@code probe} until it returns a non-null value, and returns it.
     *
     * @throws AssertionError naming {@code what} when {@code timeout} passes first
     */
    static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        return await(what, timeout, POLL, probe);
    }

    /** As {@link #await(String, Duration, Supplier)}, polling every {@code poll}. */
    static <T> T await(String what, Duration timeout, Duration poll, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            LockSupport.parkNanos(poll.toNanos());
        }
    }
}
