package com.example.leaky;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * State a service builds up and keeps for good (caches, indexes), built by a pool of worker threads
 * that stay alive: enough live objects over enough allocation buffers that JFR's live-object sampler
 * holds its 256 samples of them. Fresh threads start with small allocation buffers (a long-running
 * thread's grow to tens of MB in a big heap, and JFR samples once per buffer), so the state is built on
 * new threads.
 */
public final class LongLivedState {

    public static final String LINE_KEY = "com/example/leaky/LongLivedState.java:44";

    private static final List<Object> KEPT = new ArrayList<>();
    private static CountDownLatch done = new CountDownLatch(0);

    private LongLivedState() {
    }

    /** Keeps about {@code megabytes} MB in 4 KiB arrays, built by {@code threads} new threads that stay alive. */
    public static synchronized void build(int megabytes, int threads) throws InterruptedException {
        CountDownLatch built = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                keep(fill(megabytes * 256 / threads));
                built.countDown();
                awaitQuietly(release);
            }, "host-state-builder-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        built.await();
        done = release;
    }

    private static List<byte[]> fill(int arrays) {
        List<byte[]> mine = new ArrayList<>(arrays);
        for (int i = 0; i < arrays; i++) {
            mine.add(new byte[4096 - 16]);
        }
        return mine;
    }

    private static void keep(List<byte[]> arrays) {
        synchronized (KEPT) {
            KEPT.add(arrays);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the state go and ends its threads. */
    public static synchronized void release() {
        synchronized (KEPT) {
            KEPT.clear();
        }
        done.countDown();
    }
}
