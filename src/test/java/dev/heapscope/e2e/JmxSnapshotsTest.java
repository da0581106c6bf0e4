package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.StaticMapLeak;
import dev.heapscope.Heapscope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tracing, snapshots and the heap driven through a real RMI connector, as from JConsole. */
class JmxSnapshotsTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    static Heapscope heapscope;
    static RmiJmx jmx;
    static JmxClient client;
    final NotificationQueue notifications = new NotificationQueue();
    final List<ObjectName> listening = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        heapscope = Heapscope.builder().port(0).start();
        jmx = RmiJmx.start();
        client = new JmxClient(jmx.connection(), heapscope);
    }

    @AfterAll
    static void stop() throws Exception {
        jmx.close();
        heapscope.close();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (ObjectName bean : listening) {
            jmx.connection().removeNotificationListener(bean, notifications);
        }
        heapscope.tracing().stop();
        heapscope.snapshots().list().forEach(s -> heapscope.snapshots().delete(s.name()));
        StaticMapLeak.release();
    }

    void listen(ObjectName bean) throws Exception {
        jmx.connection().addNotificationListener(bean, notifications, null, null);
        listening.add(bean);
    }

    @Test
    void compare_putsLeakLineFirst_overRmiConnector() throws Exception {
        client.startTracing(16, 10_000); // a 6 ms burst needs a high rate to be sampled at all
        client.take("before");
        StaticMapLeak.leak(10_000);
        client.take("after");

        CompositeData report = client.compare("after", "before", "line", "allocated");

        CompositeData top = ((CompositeData[]) report.get("entries"))[0];
        assertThat(top.get("key")).isEqualTo(StaticMapLeak.LINE_KEY);
        assertThat((Long) top.get("sizeDiff")).isGreaterThanOrEqualTo(8_000_000L);
        assertThat(report.get("sizeBasis")).isEqualTo("ESTIMATED");
        assertThat(JmxClient.isOpen(report)).as(String.valueOf(report)).isTrue();
    }

    @Test
    void start_notifiesStarted_withTheTracingStatus_overRmiConnector() throws Exception {
        listen(client.tracing);

        client.startTracing(8, 100);

        Notification n = notifications.next("dev.heapscope.tracing.started", DEADLINE);
        CompositeData status = (CompositeData) n.getUserData();
        CompositeData settings = (CompositeData) status.get("settings");
        assertThat(settings.get("stackDepth")).isEqualTo(8);
        assertThat(settings.get("allocationSamplesPerSecond")).isEqualTo(100);
        assertThat(status.get("tracing")).isEqualTo(true);
        assertThat((String) status.get("since")).isNotBlank();
        assertThat(n.getMessage()).isEqualTo("tracing started");
    }

    @Test
    void startOverRest_notifiesJmxListener() throws Exception {
        listen(client.tracing);

        assertThat(new Http(heapscope.uri()).post("/tracing/start", "{}").statusCode()).isEqualTo(200);

        assertThat(notifications.next("dev.heapscope.tracing.started", DEADLINE).getSource())
                .isEqualTo(client.tracing);
    }

    @Test
    void stop_notifiesStopped_withTheSettingsThatRan_overRmiConnector() throws Exception {
        client.startTracing(12, 150);
        listen(client.tracing);

        client.stopTracing();

        CompositeData before = (CompositeData) notifications.next("dev.heapscope.tracing.stopped", DEADLINE)
                .getUserData();
        assertThat(((CompositeData) before.get("settings")).get("stackDepth")).isEqualTo(12);
    }

    @Test
    void take_notifiesTaken_withTheSnapshotsSummary_overRmiConnector() throws Exception {
        listen(client.snapshots);

        CompositeData taken = client.take("noted");

        Notification n = notifications.next("dev.heapscope.snapshot.taken", DEADLINE);
        assertThat(n.getUserData()).isEqualTo(taken);
        assertThat(n.getMessage()).isEqualTo("snapshot taken: noted");
        assertThat(n.getSource()).isEqualTo(client.snapshots);
    }

    @Test
    void delete_notifiesDeleted_withName_overRmiConnector() throws Exception {
        client.take("doomed");
        listen(client.snapshots);

        client.delete("doomed");

        CompositeData event = (CompositeData) notifications.next("dev.heapscope.snapshot.deleted", DEADLINE)
                .getUserData();
        assertThat(event.get("name")).isEqualTo("doomed");
    }

    @Test
    void snapshotsAttribute_listsTakenSnapshots_asOpenData() throws Exception {
        client.take("listed");

        Object snapshots = client.attribute(client.snapshots, "Snapshots");

        assertThat(snapshots).isInstanceOf(CompositeData[].class);
        assertThat((CompositeData[]) snapshots).extracting(s -> s.get("name")).containsExactly("listed");
        assertThat(JmxClient.isOpen(snapshots)).isTrue();
    }

    @Test
    void tracingAttributes_showTheRunningSettings_overRmiConnector() throws Exception {
        client.startTracing(20, 150);

        assertThat(client.attribute(client.tracing, "Tracing")).isEqualTo(true);
        CompositeData settings = (CompositeData) client.attribute(client.tracing, "Settings");
        assertThat(settings.get("stackDepth")).isEqualTo(20);
        assertThat(settings.get("allocationSamplesPerSecond")).isEqualTo(150);
        assertThat(client.attribute(client.tracing, "Since")).asString().isNotBlank();
        assertThat((Long) client.attribute(client.tracing, "TracedMemoryCurrentBytes")).isPositive();
        assertThat((Long) client.attribute(client.tracing, "TracedMemoryPeakBytes")).isPositive();
    }

    @Test
    void start_withoutLiveSampling_showsInTheAttribute_andSnapshotsSayTheyHaveNoLiveSamples() throws Exception {
        client.startTracing(16, 1000, false);

        CompositeData taken = client.take("unsampled");

        assertThat(((CompositeData) client.attribute(client.tracing, "Settings")).get("liveSampling")).isEqualTo(false);
        assertThat(taken.get("liveSamplesAvailable")).isEqualTo(false);
        assertThat((String[]) taken.get("notes")).anyMatch(n -> n.contains("liveSampling false"));
    }

    @Test
    void takeWithoutChains_keepsLiveSamplesWithoutChains() throws Exception {
        client.startTracing(16, 1000);

        CompositeData taken = client.takeWithoutChains("chainless");

        assertThat(taken.get("liveSamplesAvailable")).isEqualTo(true);
        assertThat(taken.get("chainsIncluded")).isEqualTo(false);
    }

    @Test
    void statistics_byLiveType_countsLeakedArraysExactly_withoutTracing() throws Exception {
        client.take("quiet");
        StaticMapLeak.leak(10_000);
        client.take("leaky");

        CompositeData report = client.compare("leaky", "quiet", "type", "live");

        CompositeData top = ((CompositeData[]) report.get("entries"))[0];
        assertThat(top.get("key")).isEqualTo("byte[]");
        assertThat((Long) top.get("sizeDiff")).isGreaterThanOrEqualTo(10_000_000L);
        assertThat(report.get("sizeBasis")).isEqualTo("EXACT");
    }

    @Test
    void histogram_listsClassesBiggestFirst_asOpenData() throws Exception {
        CompositeData histogram = client.histogram(5);

        CompositeData[] classes = (CompositeData[]) histogram.get("classes");
        assertThat(classes).hasSize(5);
        assertThat((Long) classes[0].get("bytes")).isGreaterThanOrEqualTo((Long) classes[4].get("bytes"));
        assertThat(JmxClient.isOpen(histogram)).isTrue();
    }

    @Test
    void leaks_returnsOpenData_evenWithoutTracing_overRmiConnector() throws Exception {
        client.take("untraced");

        CompositeData report = (CompositeData) jmx.connection().invoke(client.snapshots, "leaks",
                new Object[] {"untraced", 10}, new String[] {"java.lang.String", "int"});

        assertThat(report.get("chainsIncluded")).isEqualTo(false);
        assertThat(JmxClient.isOpen(report)).isTrue();
    }
}
