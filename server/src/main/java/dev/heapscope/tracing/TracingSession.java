package dev.heapscope.tracing;

import dev.heapscope.DiagnosticCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of tracing, from start to stop: the recording, the reader summing its allocation samples, and
 * the dumps a snapshot takes. Not thread-safe: {@link AllocationTracer} serialises the calls.
 *
 * <p>A dump costs the same after a minute and after an hour of tracing: it copies the running sums
 * (bounded by distinct tracebacks) and reads only a file with the live samples it emitted (a chunk that
 * starts just before it), never the recording since tracing started.
 */
final class TracingSession implements AutoCloseable {

    /**
     * How long a dump waits for the reader to sum everything before the dump. It normally takes a few
     * milliseconds after JFR rotates a chunk; past this the dump returns what the sums hold, says so,
     * and the rest counts in the next one.
     */
    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(5);

    private final TracingSettings settings;
    private final Instant since;
    private final TracingRecording recording;
    private final AllocationStream stream;
    private final AllocationSums sums;
    private final DiagnosticCommands commands;
    private Instant liveFrom;
    private long dumps;

    private TracingSession(TracingSettings settings, Instant since, TracingRecording recording,
                           AllocationSums sums, AllocationStream stream, DiagnosticCommands commands) {
        this.settings = settings;
        this.since = since;
        this.recording = recording;
        this.sums = sums;
        this.stream = stream;
        this.commands = commands;
        this.liveFrom = since;
    }

    static TracingSession start(TracingSettings settings, long maxSizeBytes) {
        // before the recording starts: the first use of the platform MBean server allocates megabytes,
        // which would use up the sampling budget of the first moments of tracing
        DiagnosticCommands commands = new DiagnosticCommands();
        ThreadAllocations atStart = ThreadAllocations.now();
        Instant since = Instant.now();
        TracingRecording recording = TracingRecording.start(settings, maxSizeBytes, commands);
        try {
            AllocationSums sums = new AllocationSums(since, settings.stackDepth(), atStart, ThreadAllocations::now);
            AllocationStream stream = AllocationStream.start(recording.name(), since, sums);
            return new TracingSession(settings, since, recording, sums, stream, commands);
        } catch (RuntimeException e) {
            recording.close();
            throw e;
        }
    }

    TracingSettings settings() {
        return settings;
    }

    Instant since() {
        return since;
    }

    /** For tests: threads remembered by the first-sample bound. */
    AllocationSums sums() {
        return sums;
    }

    /** For tests: the recording's name. */
    String recordingName() {
        return recording.name();
    }

    /**
     * Runs a full GC unless the caller just did, then takes the dump: live samples (when tracing samples
     * them) and the allocation sums up to now.
     */
    TraceDump dump(boolean withChains, boolean collectFirst) {
        if (collectFirst) {
            commands.gcRun();
        }
        long dump = ++dumps;
        List<String> notes = new ArrayList<>();
        long started = System.nanoTime();
        Instant chunkStart = recording.rotate();
        long rotated = System.nanoTime();
        Instant dumpedAt = Instant.now();
        DumpMarker.commit(recording.name(), dump);
        LiveDump live = settings.liveSampling()
                ? dumpLiveSamples(dump, withChains, chunkStart, dumpedAt)
                : LiveDump.NONE;
        if (!settings.liveSampling()) {
            // the marker must reach the disk for the reader to see it
            recording.rotate();
        }
        long dumped = System.nanoTime();
        stream.wake();
        boolean caughtUp = stream.awaitMarker(dump, CATCH_UP_TIMEOUT);
        AllocationSums.Totals totals = sums.totals();
        long done = System.nanoTime();
        if (stream.stopped() != null) {
            notes.add("allocation samples are summed only until the reader stopped (" + stream.stopped()
                    + "); stop and start tracing again");
        } else if (!caughtUp) {
            notes.add("the allocation reader had not caught up with this snapshot after "
                    + CATCH_UP_TIMEOUT.toSeconds() + " s: samples of its last moments count in the next one");
        }
        DumpCost cost = new DumpCost(Duration.ofNanos(rotated - started), live.dumpTime,
                live.parseTime, Duration.ofNanos(done - dumped), live.bytes);
        return new TraceDump(settings, since, dumpedAt, totals.allocations(), totals.samples(), totals.overflowed(),
                live.objects, withChains && settings.liveSampling(), live.window, cost, notes);
    }

    private LiveDump dumpLiveSamples(long dump, boolean withChains, Instant chunkStart, Instant dumpedAt) {
        Path file = recording.dumpFile(dump);
        try {
            long before = System.nanoTime();
            recording.dumpLiveSamples(file, withChains, chunkStart);
            long dumped = System.nanoTime();
            Optional<String> other = recording.otherLiveSampler();
            LiveSampleWindow window = new LiveSampleWindow(true, liveFrom, dumpedAt, other.orElse(null));
            if (other.isEmpty()) {
                liveFrom = Instant.now();
                recording.restartLiveSampler();
            }
            long restarted = System.nanoTime();
            List<LiveObjectSample> objects = new LiveSampleReader(recording.name(), dump, since)
                    .read(file, dumpedAt, withChains);
            long parsed = System.nanoTime();
            return new LiveDump(objects, window, Duration.ofNanos(dumped - before), Duration.ofNanos(parsed - restarted),
                    Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the tracing dump", e);
        } finally {
            TracingRecording.deleteQuietly(file);
        }
    }

    /** Stops reading, closes the recording and deletes its files. */
    @Override
    public void close() {
        try {
            stream.close();
        } finally {
            recording.close();
        }
    }

    private record LiveDump(List<LiveObjectSample> objects, LiveSampleWindow window, Duration dumpTime,
                            Duration parseTime, long bytes) {
        static final LiveDump NONE = new LiveDump(List.of(), LiveSampleWindow.DISABLED, Duration.ZERO,
                Duration.ZERO, 0);
    }
}
