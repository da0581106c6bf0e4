package com.example.shop;

import java.util.ArrayList;
import java.util.List;

/** A singleton-style bus whose listeners are registered and never removed: the listener leak. */
public final class EventBus {

    private final List<Listener> listeners = new ArrayList<>();

    public void register(Listener listener) {
        listeners.add(listener);
    }

    public int size() {
        return listeners.size();
    }

    /** Something that wants to hear about orders. */
    public interface Listener {
        void onOrder(String orderId);
    }
}
