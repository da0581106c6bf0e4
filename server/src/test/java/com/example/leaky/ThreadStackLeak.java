package com.example.leaky;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A map inside an object that only a running thread's stack holds: a worker's session state that
 * grows for as long as the worker runs. No static field reaches it.
 */
public final class ThreadStackLeak implements AutoCloseable {

    public static final String LINE_KEY = "com/example/leaky/ThreadStackLeak.java:46";
    public static final String THREAD_NAME = "host-session-worker";

    private final BlockingQueue<Object> work = new ArrayBlockingQueue<>(1);
    private final Thread thread = new Thread(this::run, THREAD_NAME);

    public ThreadStackLeak() {
        thread.setDaemon(true);
        thread.start();
    }

    /** The worker's state, on its stack only. */
    static final class Session {
        final Map<Integer, byte[]> attributes = new HashMap<>();
    }

    private void run() {
        Session session = new Session();
        try {
            while (true) {
                Object task = work.take();
                if (task instanceof Runnable other) {
                    other.run();
                    continue;
                }
                if (!(task instanceof Leak leak)) {
                    return;
                }
                int start = session.attributes.size();
                for (int i = start; i < start + leak.count; i++) {
                    session.attributes.put(i, new byte[1000]);
                }
                leak.done.complete(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Leak(int count, CompletableFuture<Void> done) {
    }

    /** Has the worker put {@code count} × byte[1000] in its session, and waits until it has. */
    public void leak(int count) {
        Leak leak = new Leak(count, new CompletableFuture<>());
        try {
            work.put(leak);
            leak.done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the worker did not leak", e);
        }
    }

    /** Has the worker allocate {@code bytes} of garbage, as it would serving requests, and waits. */
    public void churn(long bytes) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        try {
            work.put((Runnable) () -> {
                Churn.allocate(bytes);
                done.complete(null);
            });
            done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the worker did not churn", e);
        }
    }

    /** Ends the worker: its session goes with its stack. */
    @Override
    public void close() {
        work.offer("stop");
        thread.interrupt();
    }
}
