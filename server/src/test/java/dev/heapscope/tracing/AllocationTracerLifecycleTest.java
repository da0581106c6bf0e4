package dev.heapscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

class AllocationTracerLifecycleTest {

    static final TracingSettings OTHER = new TracingSettings(8, 300);

    @Test
    void start_isIdempotent_forEqualSettings() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            TracingState first = tracer.start(TracingSettings.DEFAULTS);
            TracingState again = tracer.start(new TracingSettings(16, 1000));

            assertThat(again).isEqualTo(first);
            assertThat(first.tracing()).isTrue();
            assertThat(first.since()).isNotNull();
            assertThat(first.settings()).isEqualTo(TracingSettings.DEFAULTS);
            assertThat(ourRecordings()).hasSize(1);
        }
    }

    @Test
    void start_conflicts_whenSettingsDiffer() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            tracer.start(TracingSettings.DEFAULTS);

            assertThatThrownBy(() -> tracer.start(OTHER))
                    .isInstanceOf(TracingConflict.class)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(TracingSettings.DEFAULTS.toString())
                    .satisfies(e -> assertThat(((TracingConflict) e).running()).isEqualTo(TracingSettings.DEFAULTS));
            assertThat(tracer.state().settings()).isEqualTo(TracingSettings.DEFAULTS);
        }
    }

    @Test
    void stop_isIdempotent_andRestartTakesNewSettings() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            assertThat(tracer.stop()).isEqualTo(new TracingState(false, null, null));
            tracer.start(TracingSettings.DEFAULTS);

            assertThat(tracer.stop().tracing()).isFalse();
            assertThat(tracer.stop().tracing()).isFalse();
            assertThat(tracer.start(OTHER).settings()).isEqualTo(OTHER);
        }
    }

    @Test
    void dump_throws_whenNotTracing() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            assertThatThrownBy(() -> tracer.dump(true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not tracing");
            tracer.start(TracingSettings.DEFAULTS);
            tracer.stop();
            assertThatThrownBy(() -> tracer.dump(false)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void stopAndClose_leaveNoRecordingNoReaderThreadAndNoFiles() throws IOException {
        Set<Path> directoriesBefore = dumpDirectories();
        AllocationTracer tracer = new AllocationTracer();
        tracer.start(TracingSettings.DEFAULTS);
        tracer.dump(true);
        assertThat(ourRecordings()).hasSize(1);
        assertThat(readerThreads()).hasSize(1);
        assertThat(dumpDirectories()).hasSize(directoriesBefore.size() + 1);

        tracer.stop();
        assertThat(ourRecordings()).isEmpty();
        assertThat(readerThreads()).isEmpty();
        assertThat(dumpDirectories()).isEqualTo(directoriesBefore);

        tracer.start(TracingSettings.DEFAULTS);
        tracer.close();
        assertThat(ourRecordings()).isEmpty();
        assertThat(readerThreads()).isEmpty();
        assertThat(dumpDirectories()).isEqualTo(directoriesBefore);
        assertThat(tracer.state().tracing()).isFalse();
    }

    @Test
    void state_answers_whileADumpHoldsTheTracer() throws Exception {
        try (AllocationTracer tracer = new AllocationTracer()) {
            tracer.start(TracingSettings.DEFAULTS);
            java.util.concurrent.CompletableFuture<TracingState> read;
            // the tracer's monitor is what a running dump holds
            synchronized (tracer) {
                read = java.util.concurrent.CompletableFuture.supplyAsync(tracer::state);
                assertThat(read.get(10, java.util.concurrent.TimeUnit.SECONDS).tracing()).isTrue();
            }
        }
    }

    @Test
    void dump_leavesNoRotationRecordingBehind() {
        try (AllocationTracer tracer = new AllocationTracer()) {
            tracer.start(new TracingSettings(16, 1000, false));
            tracer.dump(false);

            assertThat(FlightRecorder.getFlightRecorder().getRecordings())
                    .noneMatch(r -> r.getName().equals("heapscope-rotation"));
        }
    }

    @Test
    void twoTracers_doNotSeeEachOthersLifecycle() {
        try (AllocationTracer one = new AllocationTracer(); AllocationTracer two = new AllocationTracer()) {
            one.start(TracingSettings.DEFAULTS);
            two.start(OTHER);
            assertThat(ourRecordings()).hasSize(2);

            one.stop();

            assertThat(one.state().tracing()).isFalse();
            assertThat(two.state()).extracting(TracingState::tracing, TracingState::settings).containsExactly(true, OTHER);
            assertThat(ourRecordings()).hasSize(1);
            assertThat(two.dump(true).chainsIncluded()).isTrue();
            assertThatThrownBy(() -> one.dump(true)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(ourRecordings()).isEmpty();
    }

    /**
     * A JVM killed while tracing leaves its dump directory (and in /dev/shm a dump file in memory) behind:
     * the next start removes it when its pid is gone, and never a live JVM's.
     */
    @Test
    void start_removesDumpDirectoriesOfJvmsThatAreGone_andKeepsThoseOfLiveOnes() throws Exception {
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        Path root = TracingRecording.dumpRoot();
        Path abandoned = Files.createTempDirectory(root, TracingRecording.DUMP_DIRECTORY_PREFIX + gone.pid() + "-");
        Files.write(abandoned.resolve("dump-7.jfr"), new byte[4096]);
        Path alive = Files.createTempDirectory(root,
                TracingRecording.DUMP_DIRECTORY_PREFIX + ProcessHandle.current().parent().orElseThrow().pid() + "-");
        Path notOurs = Files.createTempDirectory(root, TracingRecording.DUMP_DIRECTORY_PREFIX + "reader-");
        try (AllocationTracer tracer = new AllocationTracer()) {
            tracer.start(TracingSettings.DEFAULTS);

            assertThat(abandoned).doesNotExist();
            assertThat(alive).isDirectory();
            assertThat(notOurs).isDirectory();
            assertThat(dumpDirectories()).anyMatch(d -> TracingRecording.pidOf(d.getFileName().toString())
                    == ProcessHandle.current().pid());
        } finally {
            Files.deleteIfExists(alive);
            Files.deleteIfExists(notOurs);
        }
    }

    static Set<String> ourRecordings() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .map(Recording::getName)
                .filter(name -> name.startsWith("heapscope-tracing-"))
                .collect(Collectors.toSet());
    }

    static Set<String> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("heapscope-tracing-reader"))
                .collect(Collectors.toSet());
    }

    static Set<Path> dumpDirectories() throws IOException {
        try (Stream<Path> files = Files.list(TracingRecording.dumpRoot())) {
            return files.filter(p -> p.getFileName().toString().startsWith("heapscope-tracing-"))
                    .collect(Collectors.toSet());
        }
    }
}
