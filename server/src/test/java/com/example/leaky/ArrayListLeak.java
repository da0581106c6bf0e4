package com.example.leaky;

import java.util.ArrayList;
import java.util.List;

/** A growing list of arrays. */
public final class ArrayListLeak {

    public static final String LINE_KEY = "com/example/leaky/ArrayListLeak.java:19";

    private static final List<long[]> ROWS = new ArrayList<>();

    private ArrayListLeak() {
    }

    /** Adds {@code count} rows of 1 KiB. */
    public static synchronized void leak(int count) {
        for (int i = 0; i < count; i++) {
            ROWS.add(new long[126]);
        }
    }

    public static synchronized void release() {
        ROWS.clear();
    }
}
