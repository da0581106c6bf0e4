package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.client.ApiClient;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.api.WatchApi;
import dev.heapscope.client.model.Suspect;
import dev.heapscope.client.model.TracingSettings;
import dev.heapscope.client.model.WatchSettings;
import dev.heapscope.client.model.WatchStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The leak watch on the packaged demo, with its leaks on and off, both watched at once (5 s, 6 kept, growth
 * in 5 intervals) so that the class takes two windows' time: the leaks' types become suspects, the churn's do not, and the healthy
 * run has neither a suspect nor an out-of-memory projection.
 */
class LeakWatchTest {

    static final int KEEP = 6;
    static final int INTERVAL_SECONDS = 5;
    static DemoProcess leaky;
    static DemoProcess healthy;
    static WatchStatus leakyWatch;
    static WatchStatus healthyWatch;
    static String healthyWatchJson;

    @BeforeAll
    static void watchBothDemos() throws ApiException {
        leaky = DemoProcess.demo("--port", "0");
        healthy = DemoProcess.demo("--port", "0", "--leaks", "off");
        ApiClient leakyClient = client(leaky.awaitPort(Duration.ofSeconds(30)));
        int healthyPort = healthy.awaitPort(Duration.ofSeconds(30));
        ApiClient healthyClient = client(healthyPort);
        new TracingApi(leakyClient).startTracing(new TracingSettings());
        // growth in every interval: a JVM a minute old still warms up in bursts (method handles linked, caches
        // filled) that can rise in most, not all, of five intervals on a loaded machine
        WatchSettings settings = new WatchSettings().intervalSeconds(INTERVAL_SECONDS).keep(KEEP).minGrowingIntervals(KEEP - 1);
        new WatchApi(leakyClient).startWatch(settings);
        new WatchApi(healthyClient).startWatch(settings);
        leakyWatch = full(new WatchApi(leakyClient));
        healthyWatch = full(new WatchApi(healthyClient));
        healthyWatchJson = new Http(java.net.URI.create("http://127.0.0.1:" + healthyPort + "/api/v1")).get("/watch").body();
    }

    @AfterAll
    static void stopDemos() {
        if (leaky != null) {
            leaky.close();
        }
        if (healthy != null) {
            healthy.close();
        }
    }

    @Test
    void leakyDemo_namesTheSessionCacheAndListenerTypesAsSuspects_notTheChurns() {
        List<String> types = keys(leakyWatch, Suspect.KindEnum.TYPE);

        assertThat(types).as(leakyWatch.toString())
                .contains("example.leakyshop.Session", "example.leakyshop.CartWidget")
                .doesNotContain("example.leakyshop.Checkout$Line");
        Suspect sessions = leakyWatch.getSuspects().stream()
                .filter(s -> s.getKey().equals("example.leakyshop.Session")).findFirst().orElseThrow();
        assertThat(sessions.getBytesPerHour()).isPositive();
        assertThat(sessions.getCountPerHour()).isPositive();
        assertThat(sessions.getGrowingIntervals()).isEqualTo(KEEP - 1);
        assertThat(sessions.getIntervals()).isEqualTo(KEEP - 1);
    }

    @Test
    void leakyDemo_projectsWhenTheLiveSetReachesTheMaximum_andSaysOnWhat() {
        assertThat(leakyWatch.getLiveSet().getGrowing()).as(leakyWatch.getLiveSet().toString()).isTrue();
        assertThat(leakyWatch.getLiveSet().getSlopeBytesPerHour()).isPositive();
        assertThat(leakyWatch.getLiveSet().getProjectedOutOfMemoryAt()).isAfter(
                leakyWatch.getSnapshots().get(KEEP - 1).getTakenAt());
        assertThat(leakyWatch.getLiveSet().getRestsOn()).contains("least-squares").contains("heap maximum");
    }

    @Test
    void healthyDemo_hasNoSuspect_andNoOutOfMemoryProjection() {
        assertThat(healthyWatch.getSuspects()).as(healthyWatch.toString()).isEmpty();
        assertThat(healthyWatch.getLiveSet().getProjectedOutOfMemoryAt()).isNull();
        assertThat(healthyWatchJson).as("null, as the contract says, not an absent field")
                .contains("\"projectedOutOfMemoryAt\":null");
        assertThat(healthyWatch.getLiveSet().getGrowing()).isFalse();
        assertThat(healthyWatch.getSnapshots()).hasSize(KEEP)
                .allMatch(s -> s.getName().matches("watch-\\d{8}T\\d{6}Z"));
    }

    /**
     * The watch once its ring has turned over: every snapshot in it was taken after the ring first filled,
     * 30 s or more after the demo started. Before that the young JVM still warms up (the demo's and
     * heapscope's first uses: caches filled, classes initialised), and on a loaded machine its live set
     * rose steadily by over 1% in the first window: growth that is real but not a leak.
     */
    private static WatchStatus full(WatchApi watch) {
        // polled once a second: every request is work in the JVM being watched
        return Deadline.await("a turned-over ring of " + KEEP + " watch snapshots", Duration.ofSeconds(150),
                Duration.ofSeconds(1), () -> {
            try {
                WatchStatus status = watch.getWatch();
                boolean turnedOver = !status.getSnapshots().isEmpty() && status.getSnapshots().get(0).getTakenAt()
                        .isAfter(status.getSince().plusSeconds(KEEP * INTERVAL_SECONDS - 2));
                return status.getSnapshots().size() >= KEEP && turnedOver ? status : null;
            } catch (ApiException e) {
                throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
            }
        });
    }

    private static List<String> keys(WatchStatus status, Suspect.KindEnum kind) {
        return status.getSuspects().stream().filter(s -> s.getKind() == kind).map(Suspect::getKey).toList();
    }

    private static ApiClient client(int port) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port + "/api/v1");
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }
}
