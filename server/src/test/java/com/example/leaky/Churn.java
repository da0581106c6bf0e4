package com.example.leaky;

/** Short-lived garbage at a known line: what a service allocates and drops. */
public final class Churn {

    /** The {@code line} key heapscope reports for the allocation in {@link #allocate(long)}. */
    public static final String LINE_KEY = "com/example/leaky/Churn.java:17";

    private static volatile Object sink;

    private Churn() {
    }

    /** Allocates about {@code bytes} in 4 KiB arrays, each garbage at once. */
    public static void allocate(long bytes) {
        for (long done = 0; done < bytes; done += 4096) {
            sink = new byte[4096 - 16];
        }
        sink = null;
    }
}
