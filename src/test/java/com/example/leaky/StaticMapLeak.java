package com.example.leaky;

import java.util.HashMap;
import java.util.Map;

/**
 * The classic leak at a known line: byte arrays put in a static map and never removed. It lives outside
 * dev.heapscope because heapscope leaves its own frames out of the statistics.
 */
public final class StaticMapLeak {

    /** The {@code line} key heapscope reports for the allocation in {@link #leak(int)}. */
    public static final String LINE_KEY = "com/example/leaky/StaticMapLeak.java:24";

    private static final Map<Integer, byte[]> CACHE = new HashMap<>();

    private StaticMapLeak() {
    }

    /** Puts {@code count} × byte[1000] into the static map. */
    public static synchronized void leak(int count) {
        int start = CACHE.size();
        for (int i = start; i < start + count; i++) {
            CACHE.put(i, new byte[1000]);
        }
    }

    /** Lets the leaked arrays go. */
    public static synchronized void release() {
        CACHE.clear();
    }
}
