package dev.heapscope.tracing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a value meets a condition or a deadline passes; no bare sleeps in tests. */
final class Await {

    private Await() {
    }

    /** The first value that meets the condition; the last one seen when the deadline passes. */
    static <T> T until(Supplier<T> probe, Predicate<T> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!condition.test(value) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            value = probe.get();
        }
        return value;
    }
}
