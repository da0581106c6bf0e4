package dev.heapscope.tracing;

import dev.heapscope.DiagnosticCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of tracing, from start to stop: the recording, the reader summing its samples, and the dumps a
 * snapshot takes. Not thread-safe: {@link AllocationTracer} serialises the calls.
 *
 * <p>A dump costs the same after a minute and after an hour of tracing: it copies the running sums
 * (bounded by distinct tracebacks) and takes the live samples the reader has just read; it parses no file.
 */
final class TracingSession implements AutoCloseable {

    /**
     * How long a dump waits for the reader to read up to it. It normally takes a few milliseconds; past
     * this the dump returns what the sums hold, says so, and the rest counts in the next one.
     */
    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(5);

    private final long session;
    private final TracingSettings settings;
    private final Instant since;
    private final TracingRecording recording;
    private final RepositoryReader reader;
    private final AllocationSums sums;
    private final ChunkEndMarker.Hook chunkEnds;
    private final DiagnosticCommands commands;
    private Instant liveFrom;
    private long dumps;

    private TracingSession(long session, TracingSettings settings, Instant since, TracingRecording recording, AllocationSums sums,
                           RepositoryReader reader, ChunkEndMarker.Hook chunkEnds, DiagnosticCommands commands) {
        this.session = session;
        this.settings = settings;
        this.since = since;
        this.recording = recording;
        this.sums = sums;
        this.reader = reader;
        this.chunkEnds = chunkEnds;
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
        ChunkEndMarker.Hook chunkEnds = null;
        try {
            // tells this session's markers from another heapscope's in the same JVM
            long session = new SecureRandom().nextLong();
            chunkEnds = new ChunkEndMarker.Hook(session);
            AllocationSums sums = new AllocationSums(since, settings.stackDepth(), atStart, ThreadAllocations::now);
            RepositoryReader reader = RepositoryReader.start(session, since, sums);
            return new TracingSession(session, settings, since, recording, sums, reader, chunkEnds, commands);
        } catch (RuntimeException e) {
            if (chunkEnds != null) {
                chunkEnds.close();
            }
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

    /** For tests: the recording's name. */
    String recordingName() {
        return recording.name();
    }

    /** The sums and the live samples the reader holds ({@link AllocationTracer#ownState()}). */
    Object ownState() {
        return new Object[] {sums, reader.held()};
    }

    /** For tests: the running sums. */
    AllocationSums sums() {
        return sums;
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
        Instant dumpedAt = Instant.now();
        DumpMarker.commit(session, dump);
        long started = System.nanoTime();
        long bytesCopied = 0;
        Optional<String> otherSampler = Optional.empty();
        chunkEnds.dumping(dump);
        try {
            if (settings.liveSampling()) {
                // the dump emits the live samples and closes the chunk; its copy is only a side effect
                bytesCopied = dumpToFile(dump, withChains, dumpedAt);
            } else {
                recording.rotate();
            }
        } finally {
            chunkEnds.dumped();
        }
        LiveSampleWindow window = LiveSampleWindow.DISABLED;
        if (settings.liveSampling()) {
            otherSampler = recording.otherLiveSampler();
            // the samples were emitted during the dump: objects allocated until it returned can be among them
            window = new LiveSampleWindow(true, liveFrom, Instant.now(), otherSampler.orElse(null));
            if (otherSampler.isEmpty()) {
                liveFrom = Instant.now();
                recording.restartLiveSampler();
            }
        }
        long dumped = System.nanoTime();
        List<LiveObjectSample> live = reader.awaitDump(dump, CATCH_UP_TIMEOUT);
        AllocationSums.Totals totals = sums.totals();
        long done = System.nanoTime();
        List<String> notes = new ArrayList<>();
        if (reader.stopped() != null) {
            notes.add("allocation samples are summed only until the repository reader stopped ("
                    + reader.stopped() + "), and live samples are missing; stop and start tracing again");
        } else if (live == null) {
            notes.add("the repository reader had not read up to this snapshot after "
                    + CATCH_UP_TIMEOUT.toSeconds() + " s: its live samples are missing, and allocation samples of"
                    + " its last moments count in the next snapshot");
        }
        List<LiveObjectSample> objects = live == null || !settings.liveSampling() ? List.of()
                : withChains ? live : live.stream().map(LiveObjectSample::withoutChain).toList();
        return new TraceDump(settings, since, dumpedAt, totals.allocations(), totals.samples(), totals.overflowed(),
                objects, withChains && settings.liveSampling(), window,
                new DumpCost(Duration.ofNanos(dumped - started), Duration.ofNanos(done - dumped), bytesCopied),
                notes);
    }

    /** {@code JFR.dump} of the current chunk only, to a file deleted unread; returns its size. */
    private long dumpToFile(long dump, boolean withChains, Instant begin) {
        Path file = recording.dumpFile(dump);
        try {
            recording.dumpLiveSamples(file, withChains, begin);
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not size the tracing dump", e);
        } finally {
            TracingRecording.deleteQuietly(file);
        }
    }

    /** The recording's bytes on disk (JFR's count of its completed chunks); takes no lock. */
    long recordingBytes() {
        return recording.sizeBytes();
    }

    /** A copy of the running recording as a JFR file; the caller deletes it. */
    Path copyRecording() {
        return recording.copy();
    }

    /** Stops reading, closes the recording and deletes its files. */
    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            try {
                chunkEnds.close();
            } finally {
                recording.close();
            }
        }
    }
}
