package dev.heapscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.Churn;
import dev.heapscope.DiagnosticCommands;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * A dump's cost does not grow with tracing time, and its allocated totals stay complete: proved with
 * many dumps while a thread allocates at a high rate, past a small disk bound of the recording.
 */
class AllocationTotalsTest {

    static final TracingSettings FAST = new TracingSettings(16, TracingSettings.MAX_SAMPLES_PER_SECOND, true);
    static final long SMALL_DISK_BOUND = 512 * 1024;
    static final long PER_ROUND = 32L * 1024 * 1024;
    static final int ROUNDS = 12;

    @Test
    void dumps_readNoMoreAsTracingRunsOn_andTotalsMatchWhatWasAllocated_pastTheDiskBound() throws IOException {
        try (AllocationTracer tracer = new AllocationTracer(SMALL_DISK_BOUND);
             NamedThread host = new NamedThread("host-allocator")) {
            // given: a host thread that allocates only at one line, started before tracing
            AtomicLong threadId = new AtomicLong();
            host.run(() -> threadId.set(Thread.currentThread().getId()));
            tracer.start(FAST);
            long atStart = allocatedBy(threadId.get(), host);

            // when: round after round, a dump after each
            List<Long> bytesCopied = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                host.run(() -> Churn.allocate(PER_ROUND));
                TraceDump dump = tracer.dump(false);
                long allocated = allocatedBy(threadId.get(), host) - atStart;
                bytesCopied.add(dump.cost().bytesCopied());
                ratios.add(estimatedAt(dump) / (double) allocated);
                assertThat(dump.notes()).isEmpty();
            }

            // then: each dump summed what the thread allocated so far (an estimate at allocation-buffer
            // granularity), read no file, and had JFR copy no more than the first dumps did (the chunk
            // written since the previous dump)
            System.out.printf("bytes copied per dump %s%nestimated/allocated %s%n", bytesCopied, ratios);
            assertThat(ratios).allSatisfy(r -> assertThat(r).isBetween(0.8, 1.1));
            long early = bytesCopied.subList(0, 3).stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(bytesCopied.subList(3, ROUNDS)).allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(2 * early));
            // and JFR has dropped the oldest chunks: re-reading the recording would have missed samples
            assertThat(estimatedAtLineInWholeRecording(tracer.session().recordingName()))
                    .isLessThan((long) (0.5 * ROUNDS * PER_ROUND));
        }
    }

    static long estimatedAt(TraceDump dump) {
        return AllocationTracerDumpTest.allocationsAt(dump, Churn.LINE_KEY).stream()
                .mapToLong(AllocationSample::weightBytes).sum();
    }

    private static long allocatedBy(long threadId, NamedThread thread) {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(threadId);
    }

    /** What a dump of the whole recording holds at the line: what re-reading it, as before, would sum. */
    private static long estimatedAtLineInWholeRecording(String recordingName) throws IOException {
        Path file = Files.createTempFile("heapscope-whole-", ".jfr");
        try {
            new DiagnosticCommands().jfrDump(recordingName, file, false);
            long sum = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getEventType().getName().equals(TracingRecording.ALLOCATION_SAMPLE)
                        && Frames.siteOf(Stacks.of(event.getStackTrace()))
                        .filter(f -> f.lineKey().equals(Churn.LINE_KEY)).isPresent()) {
                    sum += event.getLong("weight");
                }
            }
            return sum;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
