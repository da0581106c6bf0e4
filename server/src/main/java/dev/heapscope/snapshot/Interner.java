package dev.heapscope.snapshot;

import java.lang.ref.WeakReference;
import java.util.WeakHashMap;

/**
 * One shared instance per distinct value (strings, frames, tracebacks, records), held weakly: a value
 * stays canonical while some snapshot holds it and is forgotten once none does, so the table never
 * grows with deleted snapshots. Thread-safe.
 */
final class Interner {

    private final WeakHashMap<Object, WeakReference<Object>> canonical = new WeakHashMap<>();

    /** The canonical instance equal to {@code value} ({@code value} itself when it is the first); null stays null. */
    @SuppressWarnings("unchecked")
    synchronized <T> T intern(T value) {
        if (value == null) {
            return null;
        }
        WeakReference<Object> known = canonical.get(value);
        Object shared = known == null ? null : known.get();
        if (shared != null) {
            return (T) shared;
        }
        canonical.put(value, new WeakReference<>(value));
        return value;
    }

    /** How many canonical values are held (some may be about to be forgotten). */
    synchronized int size() {
        return canonical.size();
    }
}
