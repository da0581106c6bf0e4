package dev.heapscope.snapshot;

import dev.heapscope.HeapscopeException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded, named store of snapshots, oldest first.
 *
 * <p>Reads take no lock: every change publishes a new immutable map in a volatile field, so listing,
 * getting and reporting on snapshots never waits for a writer, whatever else heapscope is doing. Writers
 * (add, remove, clear) are brief and serialised among themselves on a private lock; none of them runs
 * while a snapshot is being taken. After {@link #close()} the store stays empty.
 */
final class SnapshotStore {

    private final int capacity;
    private final Object writeLock = new Object();
    private volatile Map<String, Snapshot> snapshots = Map.of();
    private boolean closed;

    SnapshotStore(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Fails early, before a snapshot is taken, when it could not be stored. */
    void checkRoomFor(String name) {
        checkRoomFor(name, snapshots);
    }

    private void checkRoomFor(String name, Map<String, Snapshot> current) {
        if (current.containsKey(name)) {
            throw new HeapscopeException.Conflict("a snapshot named '" + name
                    + "' already exists; delete it first or choose another name");
        }
        if (current.size() >= capacity) {
            throw new HeapscopeException.Conflict("the snapshot store is full (" + capacity
                    + " snapshots, its configured bound); delete a snapshot to make room");
        }
    }

    /** @throws HeapscopeException.Unavailable once the store is closed (heapscope is stopping) */
    void add(Snapshot snapshot) {
        synchronized (writeLock) {
            if (closed) {
                throw new HeapscopeException.Unavailable("heapscope is stopping: snapshot '" + snapshot.name()
                        + "' was not kept");
            }
            Map<String, Snapshot> current = snapshots;
            checkRoomFor(snapshot.name(), current);
            Map<String, Snapshot> next = new LinkedHashMap<>(current);
            next.put(snapshot.name(), snapshot);
            snapshots = Collections.unmodifiableMap(next);
        }
    }

    Snapshot get(String name) {
        Snapshot snapshot = snapshots.get(name);
        if (snapshot == null) {
            throw new HeapscopeException.NotFound("no snapshot named '" + name + "'");
        }
        return snapshot;
    }

    List<Snapshot> all() {
        return List.copyOf(snapshots.values());
    }

    Snapshot remove(String name) {
        synchronized (writeLock) {
            Map<String, Snapshot> next = new LinkedHashMap<>(snapshots);
            Snapshot removed = next.remove(name);
            if (removed == null) {
                throw new HeapscopeException.NotFound("no snapshot named '" + name + "'");
            }
            snapshots = Collections.unmodifiableMap(next);
            return removed;
        }
    }

    /** Drops every snapshot and refuses any added later (a snapshot still being taken at close). */
    void close() {
        synchronized (writeLock) {
            closed = true;
            snapshots = Map.of();
        }
    }
}
