package example.leakyshop;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * How many bytes the demo's leaks may hold in total. The leaks are real, but the demo must run for
 * hours in a default heap without an OutOfMemoryError, so once the budget is spent they stop growing
 * (and say so once).
 */
final class LeakBudget {

    /** Growth stops at this many bytes, or at a quarter of the heap when that is smaller. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    private final long limitBytes;
    private final boolean leaking;
    private final AtomicLong spentBytes = new AtomicLong();
    private final AtomicBoolean announced = new AtomicBoolean();
    private final Consumer<String> announce;

    LeakBudget(long limitBytes, Consumer<String> announce) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("leak budget " + limitBytes + " must be positive");
        }
        this.limitBytes = limitBytes;
        this.announce = announce;
        this.leaking = true;
    }

    private LeakBudget() {
        this.limitBytes = 0;
        this.announce = message -> { };
        this.leaking = false;
    }

    /** No leaking at all ({@code --leaks off}): the healthy run to compare with. */
    static LeakBudget none() {
        return new LeakBudget();
    }

    /** The default: 512 MiB or a quarter of the maximum heap, whichever is smaller. */
    static LeakBudget forThisHeap(Consumer<String> announce) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long quarter = maxHeap == Long.MAX_VALUE ? MAX_BYTES : maxHeap / 4;
        return new LeakBudget(Math.min(MAX_BYTES, quarter), announce);
    }

    /** Whether a leak may keep {@code bytes} more; false (forever) once the budget is spent. */
    boolean tryTake(long bytes) {
        if (!leaking) {
            return false;
        }
        long after = spentBytes.addAndGet(bytes);
        if (after <= limitBytes) {
            return true;
        }
        spentBytes.addAndGet(-bytes);
        if (announced.compareAndSet(false, true)) {
            announce.accept("leak budget of " + limitBytes / (1024 * 1024)
                    + " MiB reached: the leaks stop growing now; restart the demo to watch them grow again");
        }
        return false;
    }

    long spentBytes() {
        return spentBytes.get();
    }
}
