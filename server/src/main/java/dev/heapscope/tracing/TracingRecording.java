package dev.heapscope.tracing;

import dev.heapscope.DiagnosticCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * heapscope's named JFR recording and what it asks of JFR: start with the two sample events, rotate the
 * disk chunk, emit the live samples with their chains, restart the live-object sampler, close. Also owns a
 * private directory for dump files. Not thread-safe: {@link TracingSession} serialises the calls.
 */
final class TracingRecording implements AutoCloseable {

    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";

    /**
     * Disk bound of the recording, in bytes. JFR drops the oldest chunks beyond it; the running sums
     * do not depend on them (they were read as JFR wrote them), and a dump needs only the newest.
     */
    static final long MAX_SIZE_BYTES = 64L * 1024 * 1024;

    /**
     * Age bound of the recording: its older chunks are dropped too. Every snapshot closes a chunk, and JFR
     * keeps an object and a file per chunk it holds, so a leak watch taking a snapshot every few seconds
     * would otherwise grow the chunk count (and show JFR's file objects as growing types) until 64 MB.
     * What {@code GET /tracing/recording.jfr} gives is then the last quarter of an hour at most.
     */
    static final java.time.Duration MAX_AGE = java.time.Duration.ofMinutes(15);

    /**
     * How long JFR may search for reference chains at a dump. The search runs at a safepoint, so this
     * bounds the pause it adds to the host (measured ~37 ns per live object: ~0.4 s for 10 M objects,
     * so 5 s covers roughly 130 M objects); chains not found by then have no root. The pause overshoots
     * the cutoff somewhat (a 100 ms cutoff paused ~200 ms on 10 M objects).
     */
    static final String CHAIN_SEARCH_CUTOFF = "5 s";

    private static final String OLD_OBJECT_ENABLED = OLD_OBJECT_SAMPLE + "#enabled";
    /** Dump directories are {@code heapscope-tracing-<pid>-<random>}. */
    static final String DUMP_DIRECTORY_PREFIX = "heapscope-tracing-";

    private final Recording recording;
    private final Path dumpDirectory;
    private final DiagnosticCommands commands;
    private final AtomicLong copies = new AtomicLong();

    private TracingRecording(Recording recording, DiagnosticCommands commands, Path dumpDirectory) {
        this.recording = recording;
        this.commands = commands;
        this.dumpDirectory = dumpDirectory;
    }

    /**
     * Starts a recording of allocation samples (and live-object samples when the settings ask), kept on
     * disk up to {@code maxSizeBytes}.
     *
     * @throws IllegalStateException when JDK Flight Recorder is not available in this JVM
     */
    static TracingRecording start(TracingSettings settings, long maxSizeBytes, DiagnosticCommands commands) {
        if (!FlightRecorder.isAvailable()) {
            throw new IllegalStateException("JDK Flight Recorder is not available in this JVM");
        }
        Path directory = createDumpDirectory();
        // only the sample events (and heapscope's dump marker): a new Recording enables nothing
        Recording recording = new Recording();
        try {
            recording.setName("heapscope-tracing-" + UUID.randomUUID());
            recording.enable(ALLOCATION_SAMPLE).withStackTrace()
                    .with("throttle", settings.allocationSamplesPerSecond() + "/s");
            if (settings.liveSampling()) {
                enableLiveSampler(recording);
            }
            recording.enable(DumpMarker.class);
            recording.enable(ChunkEndMarker.class).with("period", "endChunk");
            recording.setToDisk(true);
            recording.setMaxSize(maxSizeBytes);
            recording.setMaxAge(MAX_AGE);
            recording.start();
            return new TracingRecording(recording, commands, directory);
        } catch (RuntimeException e) {
            recording.close();
            deleteDirectory(directory);
            throw e;
        }
    }

    String name() {
        return recording.getName();
    }

    /** Bytes of the recording's completed chunks on disk; JFR's own count, read without a lock. */
    long sizeBytes() {
        return recording.getSize();
    }

    Path dumpFile(long dump) {
        return dumpDirectory.resolve("dump-" + dump + ".jfr");
    }

    /**
     * Makes JFR finish its current disk chunk, by starting and stopping an empty recording: the only
     * public way. JFR then writes out every thread's buffered events. Host code listening to recording
     * changes sees a short recording named {@code heapscope-rotation}.
     */
    void rotate() {
        try (Recording empty = new Recording()) {
            empty.setName("heapscope-rotation");
            empty.setToDisk(true);
            empty.start();
            empty.stop();
        }
    }

    /**
     * {@code JFR.dump} of the chunks ending at or after {@code begin}: it emits the live samples into the
     * current chunk, finishes that chunk, and copies it to {@code file}.
     */
    void dumpLiveSamples(Path file, boolean withChains, Instant begin) {
        commands.jfrDump(recording.getName(), file, withChains, begin);
    }

    /**
     * Another running recording that samples live objects too: heapscope cannot restart the JVM-wide
     * sampler without disturbing it. JFR's default and profile settings enable {@code jdk.OldObjectSample},
     * so a host started with {@code -XX:StartFlightRecording} has one.
     */
    Optional<String> otherLiveSampler() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> r.getId() != recording.getId() && r.getState() == RecordingState.RUNNING)
                .filter(r -> "true".equals(r.getSettings().get(OLD_OBJECT_ENABLED)))
                .map(r -> r.getName() + " (id " + r.getId() + ")")
                .findFirst();
    }

    /**
     * Restarts JFR's live-object sampler with an empty queue, by disabling and re-enabling the event on
     * this recording (measured ~5 ms). Only when no other recording samples live objects: the sampler
     * is JVM-wide.
     */
    void restartLiveSampler() {
        recording.disable(OLD_OBJECT_SAMPLE);
        enableLiveSampler(recording);
    }

    private static void enableLiveSampler(Recording recording) {
        recording.enable(OLD_OBJECT_SAMPLE).withStackTrace().with("cutoff", CHAIN_SEARCH_CUTOFF);
    }

    /** Writes what the running recording holds so far to a new file in the private directory and returns it. */
    Path copy() {
        Path file = dumpDirectory.resolve("recording-" + copies.incrementAndGet() + ".jfr");
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
        recording.disable(OLD_OBJECT_SAMPLE);
        recording.close();
        deleteDirectory(dumpDirectory);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a dump file that cannot be deleted now is removed with its directory at close
        }
    }

    /**
     * Where dump directories go: {@code /dev/shm} where the OS has one, else the temp directory. JFR copies
     * the current chunk (up to 12 MB) into every dump file and forces it to disk, which nobody reads here:
     * in memory the copy took 13-35 ms against 17-88 ms on this machine's disk for ~1.3 MB.
     */
    static Path dumpRoot() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static Path createDumpDirectory() {
        Path root = dumpRoot();
        removeAbandoned(root);
        try {
            // owner-only permissions on POSIX: dumps hold stack traces of the host
            return Files.createTempDirectory(root, DUMP_DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for tracing dumps", e);
        }
    }

    /**
     * Deletes the dump directories of JVMs that are gone: a JVM killed while tracing cannot delete its own,
     * and in {@code /dev/shm} a dump file it was writing (up to a chunk, 12 MB) would hold memory until the
     * machine restarts. A directory is another JVM's when its name carries that JVM's pid; one whose pid
     * is alive, or that this user cannot delete, is left alone.
     */
    static void removeAbandoned(Path root) {
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, DUMP_DIRECTORY_PREFIX + "*")) {
            for (Path directory : directories) {
                long pid = pidOf(directory.getFileName().toString());
                if (pid > 0 && ProcessHandle.of(pid).isEmpty() && Files.isWritable(directory)) {
                    deleteDirectory(directory);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to clean up, or not ours to: tracing starts all the same
        }
    }

    /** The pid in a dump directory's name ({@code heapscope-tracing-<pid>-<random>}), or -1. */
    static long pidOf(String name) {
        if (!name.startsWith(DUMP_DIRECTORY_PREFIX)) {
            return -1;
        }
        String rest = name.substring(DUMP_DIRECTORY_PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(rest.substring(0, dash)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(TracingRecording::deleteQuietly);
        } catch (IOException e) {
            // nothing left to do: the directory is in the temp dir and holds at most a partial dump
        }
    }
}
