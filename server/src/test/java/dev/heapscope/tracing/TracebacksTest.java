package dev.heapscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracebacksTest {

    @Name("dev.heapscope.test.Stacked")
    static final class Stacked extends Event {
    }

    @TempDir
    Path dir;

    @Test
    void of_letsGoOfTheStacksOfAParse_onceJfrsObjectsAreCollected_andReadsTheSameTracebackFromTheNext()
            throws Exception {
        Path file = record();
        Tracebacks tracebacks = new Tracebacks(64);

        List<Traceback> first = RecordingFile.readAllEvents(file).stream().filter(TracebacksTest::stacked)
                .map(e -> tracebacks.of(e.getStackTrace())).toList();
        assertThat(tracebacks.cachedStacks()).isEqualTo(3);

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tracebacks.cachedStacks() > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(tracebacks.cachedStacks()).as("stacks of a parse no one holds, within 30 s").isZero();

        List<Traceback> again = RecordingFile.readAllEvents(file).stream().filter(TracebacksTest::stacked)
                .map(e -> tracebacks.of(e.getStackTrace())).toList();
        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(t -> t.frames.get(0).methodName()).containsExactly("one", "two", "three");
    }

    private static boolean stacked(RecordedEvent event) {
        return event.getEventType().getName().equals("dev.heapscope.test.Stacked");
    }

    private Path record() throws Exception {
        Path file = Files.createTempFile(dir, "stacks", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(Stacked.class).withStackTrace();
            recording.start();
            one();
            two();
            three();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static void one() {
        new Stacked().commit();
    }

    private static void two() {
        new Stacked().commit();
    }

    private static void three() {
        new Stacked().commit();
    }
}
