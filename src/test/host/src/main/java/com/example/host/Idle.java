package com.example.host;

/** The smallest host: prints {@code idle} and waits, for the agent's error cases. */
public final class Idle {

    private Idle() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("idle");
        System.out.flush();
        Thread.currentThread().join();
    }
}
