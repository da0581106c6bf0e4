package dev.heapscope.tracing;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Written at the end of the disk chunk that one of heapscope's own dumps (or rotations) closes: JFR runs
 * {@code endChunk} periodic events when it finishes a chunk, after a dump has emitted its live samples into
 * it. So once the repository reader sees this event it has read everything the dump wrote, live samples
 * included, in order. Only the thread taking the dump commits one, so a chunk closed by anyone else (the
 * host's own recording) is not mistaken for it.
 */
@Name(ChunkEndMarker.NAME)
@Label("heapscope chunk end")
@Category("heapscope")
@Description("Marks the end of the chunk a heapscope dump closed")
@StackTrace(false)
@Period("endChunk")
final class ChunkEndMarker extends Event {

    static final String NAME = "dev.heapscope.ChunkEnd";

    @Label("Session")
    long session;

    @Label("Dump")
    long dump;

    /** Commits a marker for every chunk {@code dumper} closes while it dumps; registered until closed. */
    static final class Hook implements Runnable, AutoCloseable {
        private final long session;
        private volatile Thread dumper;
        private volatile long dump;

        Hook(long session) {
            this.session = session;
            FlightRecorder.addPeriodicEvent(ChunkEndMarker.class, this);
        }

        /** From now until {@link #dumped()}, chunks the current thread closes belong to dump {@code dump}. */
        void dumping(long dump) {
            this.dump = dump;
            this.dumper = Thread.currentThread();
        }

        void dumped() {
            dumper = null;
        }

        @Override
        public void run() {
            // JFR runs endChunk hooks on the thread that closes the chunk
            if (Thread.currentThread() == dumper) {
                ChunkEndMarker marker = new ChunkEndMarker();
                marker.session = session;
                marker.dump = dump;
                marker.commit();
            }
        }

        @Override
        public void close() {
            FlightRecorder.removePeriodicEvent(this);
        }
    }
}
