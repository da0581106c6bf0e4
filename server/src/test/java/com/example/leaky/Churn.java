package com.example.leaky;

/**
 * Short-lived garbage at a known line, shaped like a request's: small objects of a few sizes, each
 * garbage at once.
 */
public final class Churn {

    /** The {@code line} key heapscope reports for the allocation in {@link #allocate(long)}. */
    public static final String LINE_KEY = "com/example/leaky/Churn.java:22";

    private static final int[] SIZES = {48 - 16, 112 - 16, 240 - 16, 496 - 16};
    private static volatile Object sink;

    private Churn() {
    }

    /** Allocates about {@code bytes} in arrays of 48 to 496 bytes. */
    public static void allocate(long bytes) {
        int i = 0;
        for (long done = 0; done < bytes; done += SIZES[i++ & 3] + 16) {
            sink = new byte[SIZES[i & 3]];
        }
        sink = null;
    }
}
