package com.example.leaky;

import java.util.ArrayList;
import java.util.List;

/** Listeners registered and never removed, each holding its state. */
public final class ListenerLeak {

    public static final String LINE_KEY = "com/example/leaky/ListenerLeak.java:26";

    private static final List<Listener> LISTENERS = new ArrayList<>();

    private ListenerLeak() {
    }

    /** A listener with the state it renders from. */
    public record Listener(byte[] state) {
        void onEvent() {
            state[0]++;
        }
    }

    /** Registers {@code count} listeners of 1 KiB state each. */
    public static synchronized void leak(int count) {
        for (int i = 0; i < count; i++) {
            LISTENERS.add(new Listener(new byte[1024]));
        }
    }

    public static synchronized void release() {
        LISTENERS.clear();
    }
}
