package dev.heapscope.tracing;

import dev.heapscope.DiagnosticCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * One running JFR recording for allocation tracing, with its private directory for dump files.
 * Not thread-safe: {@link AllocationTracer} serialises the calls.
 */
final class TracingRecording implements AutoCloseable {

    /**
     * Disk bound of the recording, in bytes. Beyond it JFR drops the oldest chunks and with them the
     * oldest allocation samples (live-object samples are emitted at each dump and are not affected).
     */
    static final long MAX_SIZE_BYTES = 64L * 1024 * 1024;

    /**
     * How long JFR may search for reference chains at a dump. The search runs at a safepoint, so this
     * bounds the pause it adds to the host (measured ~37 ns per live object: ~0.4 s for 10 M objects,
     * so 5 s covers roughly 130 M objects); chains not found by then have no root. The pause overshoots
     * the cutoff somewhat (a 100 ms cutoff paused ~200 ms on 10 M objects).
     */
    static final String CHAIN_SEARCH_CUTOFF = "5 s";

    private final Recording recording;
    private final TracingSettings settings;
    private final Instant since;
    private final Path dumpDirectory;
    private final DiagnosticCommands commands;
    private final ThreadAllocations allocatedAtStart;
    private long dumps;

    private TracingRecording(Recording recording, DiagnosticCommands commands, TracingSettings settings,
                             Instant since, Path dumpDirectory, ThreadAllocations allocatedAtStart) {
        this.recording = recording;
        this.allocatedAtStart = allocatedAtStart;
        this.commands = commands;
        this.settings = settings;
        this.since = since;
        this.dumpDirectory = dumpDirectory;
    }

    static TracingRecording start(TracingSettings settings) {
        if (!FlightRecorder.isAvailable()) {
            throw new IllegalStateException("JDK Flight Recorder is not available in this JVM");
        }
        // before the recording starts: the first use of the platform MBean server allocates megabytes,
        // which would use up the sampling budget of the first moments of tracing
        DiagnosticCommands commands = new DiagnosticCommands();
        Path directory = createDumpDirectory();
        // only the two sample events (and heapscope's dump marker): a new Recording enables nothing
        Recording recording = new Recording();
        try {
            recording.setName("heapscope-tracing-" + UUID.randomUUID());
            recording.enable(DumpReader.ALLOCATION_SAMPLE).withStackTrace()
                    .with("throttle", settings.allocationSamplesPerSecond() + "/s");
            recording.enable(DumpReader.OLD_OBJECT_SAMPLE).withStackTrace()
                    .with("cutoff", CHAIN_SEARCH_CUTOFF);
            recording.enable(DumpMarker.class);
            recording.setToDisk(true);
            recording.setMaxSize(MAX_SIZE_BYTES);
            ThreadAllocations allocated = ThreadAllocations.now();
            recording.start();
            return new TracingRecording(recording, commands, settings, Instant.now(), directory, allocated);
        } catch (RuntimeException e) {
            recording.close();
            deleteDirectory(directory);
            throw e;
        }
    }

    TracingSettings settings() {
        return settings;
    }

    Instant since() {
        return since;
    }

    /** Runs a full GC unless the caller just did, dumps the recording to a private file, parses and deletes it. */
    TraceDump dump(boolean withChains, boolean collectFirst) {
        if (collectFirst) {
            commands.gcRun();
        }
        Instant dumpedAt = Instant.now();
        long dump = ++dumps;
        DumpMarker.commit(recording.getName(), dump);
        Path file = dumpDirectory.resolve("dump-" + dump + ".jfr");
        try {
            commands.jfrDump(recording.getName(), file, withChains);
            return new DumpReader(recording.getName(), dump, since, allocatedAtStart, ThreadAllocations.now())
                    .read(file, dumpedAt, withChains);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the tracing dump", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Writes what the running recording holds so far to a new file in the private directory and returns it. */
    Path copy() {
        Path file = dumpDirectory.resolve("recording-" + (++dumps) + ".jfr");
        try {
            recording.dump(file);
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("could not copy the tracing recording", e);
        }
    }

    @Override
    public void close() {
        // stopping a recording emits its old-object samples and searches their chains first: wasted
        // work (a safepoint of up to the cutoff) for samples nobody will read
        recording.disable(DumpReader.OLD_OBJECT_SAMPLE);
        recording.close();
        deleteDirectory(dumpDirectory);
    }

    private static Path createDumpDirectory() {
        try {
            // owner-only permissions on POSIX: dumps hold stack traces of the host
            return Files.createTempDirectory("heapscope-tracing-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for tracing dumps", e);
        }
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(TracingRecording::deleteQuietly);
        } catch (IOException e) {
            // nothing left to do: the directory is in the temp dir and holds at most a partial dump
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a dump file that cannot be deleted now is removed with its directory at close
        }
    }
}
