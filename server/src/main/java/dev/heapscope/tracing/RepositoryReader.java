package dev.heapscope.tracing;

import dev.heapscope.HeapscopeThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Reads JFR's disk repository as JFR writes it, on one daemon thread ({@code heapscope-tracing-reader-N}):
 * adds every allocation sample to the running {@link AllocationSums}, keeps the live-object samples dumps
 * emit, and notes heapscope's own {@link DumpMarker}s and {@link ChunkEndMarker}s, so that a dump can wait
 * until the reader has read everything up to the end of the chunk it closed.
 *
 * <p>Why a stream of the repository next to the recording: a dump then never re-reads what earlier dumps
 * read, nor parses a file of its own, and the sums stay complete after JFR drops the recording's oldest
 * chunks at its disk bound. {@code EventStream.openRepository()} (JDK 14+) is the public door to it; its
 * blocking {@code start()} runs on our own thread (so it is a {@code heapscope-*} daemon that {@link #close()}
 * ends), where {@code startAsync()} would run it on a thread of JFR's. JFR leaves a streaming thread out of
 * its own sampling, so the reader's allocations are not sampled.
 *
 * <p>The stream sees new data when JFR flushes (every second) or finishes a chunk, and it notices a finished
 * chunk only when it wakes up from waiting for the next flush, up to 1 s later. {@link #awaitDump} interrupts
 * the reader thread meanwhile, and JFR's waits (JDK 17 and 25) take an interrupt as an early wake-up:
 * measured, this cut the wait from 0-980 ms to a few ms (docs/TRACING.md).
 */
final class RepositoryReader implements AutoCloseable {

    /** Live samples kept between dumps (other recordings' dumps emit some too); the oldest go first. */
    static final int MAX_LIVE_SAMPLES = TracingSettings.MAX_LIVE_SAMPLES;

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    private static final long NUDGE_MILLIS = 10;

    private final EventStream stream;
    private final AllocationSums sums;
    private final OldObjectEvents oldObjects;
    private final long session;
    private final Thread thread;
    private final Object progress = new Object();
    // guarded by progress
    private final Deque<Emitted> live = new ArrayDeque<>();
    private long markerDump;
    private Instant markerTime;
    private long chunkEndDump;
    private volatile boolean closing;
    private volatile String stopped;

    private RepositoryReader(EventStream stream, AllocationSums sums, OldObjectEvents oldObjects, long session) {
        this.stream = stream;
        this.sums = sums;
        this.oldObjects = oldObjects;
        this.session = session;
        this.thread = HeapscopeThreads.factory("tracing-reader").newThread(this::run);
    }

    /**
     * Starts reading the repository from {@code since}.
     *
     * @param session the session's token, to find its own markers
     *
     * @throws UncheckedIOException when the repository cannot be opened
     */
    static RepositoryReader start(long session, Instant since, AllocationSums sums) {
        EventStream stream;
        try {
            stream = EventStream.openRepository();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open JFR's repository", e);
        }
        RepositoryReader reader = new RepositoryReader(stream, sums, new OldObjectEvents(since), session);
        stream.setStartTime(since);
        stream.onEvent(TracingRecording.ALLOCATION_SAMPLE, reader::allocation);
        stream.onEvent(TracingRecording.OLD_OBJECT_SAMPLE, reader::oldObject);
        stream.onEvent(DumpMarker.NAME, reader::marker);
        stream.onEvent(ChunkEndMarker.NAME, reader::chunkEnd);
        stream.onFlush(reader::endOfBatch);
        reader.thread.start();
        return reader;
    }

    /**
     * Waits until the reader has read the chunk that dump {@code dump} closed, waking it every
     * {@value #NUDGE_MILLIS} ms meanwhile (an interrupt wakes only the wait the reader is in at that moment),
     * and returns the live samples emitted since the dump's marker.
     *
     * @return the samples, or null when the reader did not get there within the timeout or stopped
     *         ({@link #stopped()})
     */
    List<LiveObjectSample> awaitDump(long dump, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (chunkEndDump < dump || markerDump < dump) {
                long left = deadline - System.nanoTime();
                if (stopped != null || left <= 0) {
                    return null;
                }
                thread.interrupt();
                try {
                    progress.wait(Math.max(1, Math.min(NUDGE_MILLIS, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            List<LiveObjectSample> emitted = new ArrayList<>();
            for (Emitted e : live) {
                // the samples of one emission are stamped at it, after the marker; JFR's own clock, no skew
                if (!e.at.isBefore(markerTime)) {
                    emitted.add(e.sample);
                }
            }
            live.clear();
            return emitted;
        }
    }

    /** The live samples read since the last dump, to count in heapscope's own memory (read without the lock). */
    Object held() {
        return live;
    }

    /** Why the reader stopped before it was closed, or null while it runs. */
    String stopped() {
        return stopped;
    }

    /** Stops reading and ends the reader thread (waits for it up to 5 s). */
    @Override
    public void close() {
        closing = true;
        stream.close();
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            stream.start();
            stopped("the JFR stream ended");
        } catch (RuntimeException | Error e) {
            stopped("the JFR stream failed: " + e);
        }
    }

    private void stopped(String reason) {
        synchronized (progress) {
            if (!closing) {
                stopped = reason;
            }
            progress.notifyAll();
        }
    }

    // handlers run on the reader thread; an exception would be printed by JFR into the host's output, so a
    // malformed event is skipped rather than stopping the reader
    private void allocation(RecordedEvent event) {
        try {
            sums.add(event);
        } catch (RuntimeException e) {
            // skipped
        }
    }

    private void oldObject(RecordedEvent event) {
        try {
            LiveObjectSample sample = oldObjects.read(event);
            if (sample != null) {
                synchronized (progress) {
                    if (live.size() == MAX_LIVE_SAMPLES) {
                        live.removeFirst();
                    }
                    live.addLast(new Emitted(event.getStartTime(), sample));
                }
            }
        } catch (RuntimeException e) {
            // skipped
        }
    }

    private void marker(RecordedEvent event) {
        if (event.getLong("session") == session) {
            synchronized (progress) {
                markerDump = event.getLong("dump");
                markerTime = event.getStartTime();
                progress.notifyAll();
            }
        }
    }

    private void chunkEnd(RecordedEvent event) {
        if (event.getLong("session") == session) {
            synchronized (progress) {
                chunkEndDump = Math.max(chunkEndDump, event.getLong("dump"));
                progress.notifyAll();
            }
        }
    }

    private void endOfBatch() {
        try {
            sums.endOfBatch();
        } catch (RuntimeException e) {
            // as for a malformed event
        }
    }

    private record Emitted(Instant at, LiveObjectSample sample) {
    }
}
