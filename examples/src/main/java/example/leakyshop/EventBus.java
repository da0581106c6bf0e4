package example.leakyshop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A minimal in-process event bus for price changes. It holds its listeners strongly, as most buses do,
 * so a listener that is never unsubscribed lives as long as the bus.
 */
final class EventBus {

    // a plain list under a lock rather than CopyOnWriteArrayList: copying a growing array on every
    // subscribe would turn the leak into churn proportional to its size
    private final List<Consumer<PriceChange>> listeners = new ArrayList<>();

    record PriceChange(String sku, long cents) {
    }

    synchronized void subscribe(Consumer<PriceChange> listener) {
        listeners.add(listener);
    }

    synchronized void unsubscribe(Consumer<PriceChange> listener) {
        listeners.remove(listener);
    }

    void publish(PriceChange change) {
        List<Consumer<PriceChange>> now;
        synchronized (this) {
            // publish to the latest few only: delivering to every leaked listener would make the demo
            // slower by the minute, and the point is the memory, not the CPU
            now = List.copyOf(listeners.subList(Math.max(0, listeners.size() - 16), listeners.size()));
        }
        now.forEach(listener -> listener.accept(change));
    }

    synchronized int size() {
        return listeners.size();
    }

    /** The listener list, to register with heapscope as a root. */
    synchronized List<Consumer<PriceChange>> asList() {
        return listeners;
    }
}
