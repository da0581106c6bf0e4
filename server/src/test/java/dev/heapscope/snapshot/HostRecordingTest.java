package dev.heapscope.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.StaticMapLeak;
import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host runs its own JFR recording with JFR's default settings, which sample live objects too: heapscope
 * must leave it as it was, and say what that means for its live views.
 */
class HostRecordingTest {

    @AfterEach
    void release() {
        StaticMapLeak.release();
    }

    @Test
    void snapshots_leaveTheHostsRecordingAlone_andSayTheSamplerIsShared() throws Exception {
        try (Recording host = new Recording(Configuration.getConfiguration("default"))) {
            // given: the host's recording, as -XX:StartFlightRecording would run it
            host.setName("host-recording");
            host.start();
            Map<String, String> settings = Map.copyOf(host.getSettings());
            try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
                heapscope.tracing().start(TracingSettings.DEFAULTS);

                // when
                Snapshot before = heapscope.snapshots().take("before");
                StaticMapLeak.leak(10_000);
                Snapshot after = heapscope.snapshots().take("after");
                ComparisonReport live = heapscope.snapshots().compare("after", "before",
                        new StatisticsQuery(GroupBy.LINE, View.LIVE, false, 10, null));

                // then: heapscope did not restart the JVM-wide sampler, and says so everywhere
                assertThat(after.live().window().sharedWith()).startsWith("host-recording");
                assertThat(after.live().window().from()).isEqualTo(before.live().window().from())
                        .isEqualTo(after.tracingSince());
                assertThat(after.notes()).anyMatch(n -> n.contains("another recording samples live objects too")
                        && n.contains("host-recording") && n.contains("new growth can be missing"));
                assertThat(live.notes()).anyMatch(n -> n.contains("host-recording"));
                assertThat(heapscope.snapshots().compareLeaks("after", "before", 10).notes())
                        .anyMatch(n -> n.contains("host-recording"));
            }

            // and the host's recording runs on with its settings, its events still recorded
            assertThat(host.getState()).isEqualTo(RecordingState.RUNNING);
            assertThat(host.getSettings()).isEqualTo(settings);
            assertThat(eventsOf(host)).contains("jdk.GarbageCollection", "jdk.OldObjectSample");
        }
    }

    private static java.util.Set<String> eventsOf(Recording recording) throws Exception {
        Path file = Files.createTempFile("host-", ".jfr");
        try {
            recording.dump(file);
            java.util.Set<String> names = new java.util.HashSet<>();
            RecordingFile.readAllEvents(file).forEach(e -> names.add(e.getEventType().getName()));
            return names;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
