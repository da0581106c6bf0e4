package example.workload;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Threads allocating steadily from many distinct stacks (40-60 frames deep), as a busy service does. Outside
 * dev.heapscope on purpose: heapscope leaves its own code's allocations out of its statistics.
 */
public final class ManyStacks {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private final int stacks;
    private volatile Object sink;

    public ManyStacks(int threadCount, int stacks) {
        this.stacks = stacks;
        for (int t = 0; t < threadCount; t++) {
            Thread thread = new Thread(this::run, "workload-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    public void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Bytes the threads have allocated so far (ThreadMXBean, exact). */
    public long allocated() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.stream().mapToLong(t -> Math.max(0, mx.getThreadAllocatedBytes(t.getId()))).sum();
    }

    private void run() {
        Random random = new Random();
        while (running) {
            for (int i = 0; i < 1000; i++) {
                long stack = random.nextInt(stacks);
                left(stack * 0x9E3779B97F4A7C15L, 40 + (int) (stack % 20), 256 + random.nextInt(2048));
            }
        }
    }

    // two methods chosen by the bits of the stack's number: each number is its own traceback
    private void left(long bits, int depth, int size) {
        if (depth == 0) {
            sink = new byte[size];
        } else if ((bits & 1) == 0) {
            left(bits >>> 1, depth - 1, size);
        } else {
            right(bits >>> 1, depth - 1, size);
        }
    }

    private void right(long bits, int depth, int size) {
        if (depth == 0) {
            sink = new long[size / 8];
        } else if ((bits & 1) == 0) {
            left(bits >>> 1, depth - 1, size);
        } else {
            right(bits >>> 1, depth - 1, size);
        }
    }
}
