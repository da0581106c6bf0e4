package com.example.leaky;

/** A chain of linked objects that only grows: every node reached through all the newer ones. */
public final class LinkedChainLeak {

    public static final String LINE_KEY = "com/example/leaky/LinkedChainLeak.java:27";

    private static Node head;

    private LinkedChainLeak() {
    }

    /** One link. */
    static final class Node {
        final Node next;
        final byte[] payload;

        Node(Node next, byte[] payload) {
            this.next = next;
            this.payload = payload;
        }
    }

    /** Appends {@code count} nodes of 1 KiB payload at the head. */
    public static synchronized void leak(int count) {
        for (int i = 0; i < count; i++) {
            head = new Node(head, new byte[1000]);
        }
    }

    public static synchronized void release() {
        head = null;
    }
}
