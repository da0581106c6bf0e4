package dev.heapscope.snapshot;

import dev.heapscope.HeapscopeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bounded, named store of snapshots, oldest first. */
final class SnapshotStore {

    private final int capacity;
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

    SnapshotStore(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Fails early, before a snapshot is taken, when it could not be stored. */
    synchronized void checkRoomFor(String name) {
        if (snapshots.containsKey(name)) {
            throw new HeapscopeException.Conflict("a snapshot named '" + name
                    + "' already exists; delete it first or choose another name");
        }
        if (snapshots.size() >= capacity) {
            throw new HeapscopeException.Conflict("the snapshot store is full (" + capacity
                    + " snapshots, its configured bound); delete a snapshot to make room");
        }
    }

    synchronized void add(Snapshot snapshot) {
        checkRoomFor(snapshot.name());
        snapshots.put(snapshot.name(), snapshot);
    }

    synchronized Snapshot get(String name) {
        Snapshot snapshot = snapshots.get(name);
        if (snapshot == null) {
            throw new HeapscopeException.NotFound("no snapshot named '" + name + "'");
        }
        return snapshot;
    }

    synchronized List<Snapshot> all() {
        return List.copyOf(snapshots.values());
    }

    synchronized Snapshot remove(String name) {
        Snapshot removed = snapshots.remove(name);
        if (removed == null) {
            throw new HeapscopeException.NotFound("no snapshot named '" + name + "'");
        }
        return removed;
    }

    synchronized void clear() {
        snapshots.clear();
    }
}
