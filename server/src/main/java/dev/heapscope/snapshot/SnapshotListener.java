package dev.heapscope.snapshot;

/** Told when a snapshot is taken or deleted; called on the caller's thread, must not block. */
public interface SnapshotListener {
    void taken(Snapshot snapshot);

    void deleted(Snapshot snapshot);
}
