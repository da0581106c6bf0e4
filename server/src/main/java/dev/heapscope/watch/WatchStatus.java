package dev.heapscope.watch;

import java.time.Instant;
import java.util.List;

/**
 * The watch now.
 *
 * @param watching       whether it runs
 * @param since          when it started, or null
 * @param settings       its settings, or null when not watching
 * @param nextSnapshotAt when the next snapshot is due, or null
 * @param snapshots      its ring, oldest first
 * @param skipped        the last ticks that took no snapshot, and why
 * @param suspects       steadily growing types and sites, fastest first
 * @param liveSet        the live set's trend and out-of-memory projection
 * @param notes          what the figures are, and too little data said plainly
 */
public record WatchStatus(boolean watching, Instant since, WatchSettings settings, Instant nextSnapshotAt,
                          List<Taken> snapshots, List<Skip> skipped, List<Suspect> suspects, LiveSetTrend liveSet,
                          List<String> notes) {

    public WatchStatus {
        snapshots = List.copyOf(snapshots);
        skipped = List.copyOf(skipped);
        suspects = List.copyOf(suspects);
        notes = List.copyOf(notes);
    }

    /** One watch snapshot: {@code watch-<UTC time>}, its exact live bytes and objects. */
    public record Taken(String name, Instant takenAt, long liveBytes, long liveObjects, boolean tracing) {
    }

    /** A tick that took no snapshot. */
    public record Skip(Instant time, String reason) {
    }
}
