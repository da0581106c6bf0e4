package dev.heapscope.snapshot;

/** Told when a snapshot is taken or deleted; called on the caller's thread, must not block. */
public interface SnapshotListener {

    /** A snapshot was taken; {@code snapshot} is its summary, as the adapters list it. */
    void taken(SnapshotSummary snapshot);

    /** A snapshot was deleted; {@code snapshot} is its summary. */
    void deleted(SnapshotSummary snapshot);
}
