package dev.heapscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The JVM's safepoint pauses during a run, from JFR: each pause runs from a {@code jdk.SafepointBegin}'s
 * start (the VM begins stopping threads) to the matching {@code jdk.SafepointEnd}'s end (threads resume),
 * so it covers GC pauses, the chain search of a JFR dump and every other VM operation at a safepoint.
 * A request's latency net of pauses is its wall time minus the time it overlapped them: what the request
 * would have taken had the JVM not stopped every thread, heapscope's and the client's alike.
 */
final class Pauses implements AutoCloseable {

    /** A pause, on the wall clock in nanoseconds since the epoch. */
    record Pause(long startNanos, long endNanos) {
    }

    private final Recording recording = new Recording();

    Pauses() {
        recording.setName("bench-safepoints");
        recording.enable("jdk.SafepointBegin").withThreshold(Duration.ZERO);
        recording.enable("jdk.SafepointEnd").withThreshold(Duration.ZERO);
        recording.start();
    }

    /** Stops recording and returns the pauses, sorted and merged where they overlap. */
    List<Pause> stop() throws IOException {
        recording.stop();
        Path file = Files.createTempFile("bench-safepoints", ".jfr");
        try {
            recording.dump(file);
            Map<Long, Instant> begins = new HashMap<>();
            List<Pause> pauses = new ArrayList<>();
            // the file also holds other recordings' events (they share JFR's chunks): only safepoints count
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                String type = event.getEventType().getName();
                if (type.equals("jdk.SafepointBegin")) {
                    begins.put(event.getLong("safepointId"), event.getStartTime());
                } else if (type.equals("jdk.SafepointEnd") && begins.containsKey(event.getLong("safepointId"))) {
                    pauses.add(new Pause(nanos(begins.remove(event.getLong("safepointId"))), nanos(event.getEndTime())));
                }
            }
            pauses.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
            return merged(pauses);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** How much of [start, end] (wall nanoseconds) the pauses cover. */
    static long overlap(List<Pause> pauses, long start, long end) {
        long covered = 0;
        for (Pause p : pauses) {
            if (p.startNanos() >= end) {
                break;
            }
            covered += Math.max(0, Math.min(end, p.endNanos()) - Math.max(start, p.startNanos()));
        }
        return covered;
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static List<Pause> merged(List<Pause> sorted) {
        List<Pause> merged = new ArrayList<>();
        for (Pause p : sorted) {
            Pause last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && p.startNanos() <= last.endNanos()) {
                merged.set(merged.size() - 1, new Pause(last.startNanos(), Math.max(last.endNanos(), p.endNanos())));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    @Override
    public void close() {
        recording.close();
    }
}
