package com.example.leaky;

import java.util.ArrayList;
import java.util.List;

/** Callbacks that capture a whole report when they need one number of it. */
public final class LambdaLeak {

    public static final String LINE_KEY = "com/example/leaky/LambdaLeak.java:20";

    private static final List<Runnable> CALLBACKS = new ArrayList<>();
    private static long audited;

    private LambdaLeak() {
    }

    /** Keeps {@code count} callbacks, each capturing a 2 KiB report. */
    public static synchronized void leak(int count) {
        for (int i = 0; i < count; i++) {
            byte[] report = new byte[2048];
            CALLBACKS.add(() -> audit(report.length));
        }
    }

    private static synchronized void audit(int length) {
        audited += length;
    }

    public static synchronized void release() {
        CALLBACKS.clear();
    }
}
