package com.example.leaky;

import java.util.ArrayList;
import java.util.List;

/** A leak of strings that hold secrets: heapscope may show where and why they live, never what they say. */
public final class SecretLeak {

    private static final List<String> TOKENS = new ArrayList<>();

    private SecretLeak() {
    }

    /** Keeps {@code count} copies of a secret, each a distinct String object. */
    public static synchronized void leak(String secret, int count) {
        for (int i = 0; i < count; i++) {
            TOKENS.add(new String(secret + "#" + i));
        }
    }

    public static synchronized void release() {
        TOKENS.clear();
    }
}
