package dev.heapscope;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who a core service tells of its changes (the JMX notifications, the timeline's marks, heapscope's own
 * memory figure). Added and removed from any thread; told on the thread that made the change, in the
 * order added.
 *
 * @param <L> the listener interface
 */
public final class Listeners<L> {

    private final List<L> listeners = new CopyOnWriteArrayList<>();

    public void add(L listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void remove(L listener) {
        listeners.remove(listener);
    }

    /** Tells every listener, e.g. {@code tell(l -> l.taken(snapshot))}. */
    public void tell(Consumer<? super L> message) {
        listeners.forEach(message);
    }
}
