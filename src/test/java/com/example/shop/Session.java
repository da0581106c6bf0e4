package com.example.shop;

import java.util.HashMap;
import java.util.Map;

/** A user session: its fields hold values that must never leave the process through heapscope. */
public final class Session implements EventBus.Listener {

    private final String user;
    private final long createdAt;
    private final Map<String, Object> attributes = new HashMap<>();
    private final byte[] buffer;

    public Session(String user, long createdAt, int bufferBytes) {
        this.user = user;
        this.createdAt = createdAt;
        this.buffer = new byte[bufferBytes];
        attributes.put("user", user);
    }

    public void put(String key, Object value) {
        attributes.put(key, value);
    }

    @Override
    public void onOrder(String orderId) {
        attributes.put("lastOrder", orderId + user + createdAt + buffer.length);
    }
}
