package com.example.leaky;

import java.util.ArrayList;
import java.util.List;

/**
 * Two identical leaks at two known lines, so a test can run one on a heapscope thread and the other on
 * an ordinary thread and tell their samples apart by line.
 */
public final class ThreadLeak {

    /** The {@code line} key of {@link #leakHere(int)}'s allocation. */
    public static final String HERE_LINE_KEY = "com/example/leaky/ThreadLeak.java:26";

    /** The {@code line} key of {@link #leakThere(int)}'s allocation. */
    public static final String THERE_LINE_KEY = "com/example/leaky/ThreadLeak.java:33";

    private static final List<byte[]> HELD = new ArrayList<>();

    private ThreadLeak() {
    }

    /** Keeps {@code count} × byte[1000]. */
    public static synchronized void leakHere(int count) {
        for (int i = 0; i < count; i++) {
            HELD.add(new byte[1000]);
        }
    }

    /** The same as {@link #leakHere(int)}, at another line. */
    public static synchronized void leakThere(int count) {
        for (int i = 0; i < count; i++) {
            HELD.add(new byte[1000]);
        }
    }

    /** Lets the arrays go. */
    public static synchronized void release() {
        HELD.clear();
    }
}
