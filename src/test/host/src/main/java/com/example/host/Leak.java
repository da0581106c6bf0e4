package com.example.host;

import java.util.ArrayList;
import java.util.List;

/** A leak at a known line: every call keeps {@code count} new byte[1000] forever. */
public final class Leak {

    /** The line that allocates, as heapscope names it. */
    public static final String LINE_KEY = "com/example/host/Leak.java:16";

    private static final List<byte[]> KEPT = new ArrayList<>();

    static synchronized void leak(int count) {
        for (int i = 0; i < count; i++) {
            KEPT.add(new byte[1000]);
        }
    }

    private Leak() {
    }
}
