package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.client.ApiClient;
import dev.heapscope.client.api.RootsApi;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.ComparisonReport;
import dev.heapscope.client.model.DeepSizeReport;
import dev.heapscope.client.model.RootPath;
import dev.heapscope.client.model.SnapshotRequest;
import dev.heapscope.client.model.StatisticDiff;
import dev.heapscope.client.model.TracingSettings;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What heapscope-agent.jar must do inside a host with conflicting libraries (Jetty 9.4, Jersey 2, Jackson
 * 2.12), however it got there: the leak-at-known-line flow through the generated client, a root named at
 * run time sized exactly as the host's own JOL sizes it, the host's own endpoint answering with its own
 * versions, none of heapscope's classes loadable by the host, nothing printed but one line. Each subclass
 * starts one host (one JVM per scenario) and runs every check against it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AgentInHostContract {

    /** The host's leak, as heapscope names its line. */
    static final String LEAK_LINE = "com/example/host/Leak.java:16";
    static final String SESSION_CACHE = "com.example.host.SessionCache";

    /** The host, with heapscope in it: started by each subclass's {@code @BeforeAll}. */
    TestHost host;
    /** heapscope's URL in the host, {@code http://127.0.0.1:PORT}. */
    String url;

    @AfterAll
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    TestHost host() {
        return host;
    }

    String heapscopeUrl() {
        return url;
    }

    ApiClient client() {
        return TestHost.client(heapscopeUrl());
    }

    @Test
    @Order(10)
    void leakAtKnownLine_comesFirst_throughTheGeneratedClient() throws Exception {
        TracingApi tracing = new TracingApi(client());
        SnapshotsApi snapshots = new SnapshotsApi(client());
        tracing.stopTracing();
        // a burst of a few milliseconds needs JFR's sampler at a high rate to be seen (LeakAtKnownLineTest)
        tracing.startTracing(new TracingSettings().stackDepth(16).allocationSamplesPerSecond(10_000));
        snapshots.takeSnapshot(new SnapshotRequest().name("before"));
        host().post("/leak?count=10000");
        snapshots.takeSnapshot(new SnapshotRequest().name("after"));

        ComparisonReport allocated = snapshots.compareSnapshots("after", "before", "line", "allocated", false, 5, null);
        ComparisonReport live = snapshots.compareSnapshots("after", "before", "line", "live", false, 5, null);

        assertThat(allocated.getEntries().get(0).getKey()).as(allocated.toString()).isEqualTo(LEAK_LINE);
        assertThat(allocated.getEntries().get(0).getSizeDiff()).isGreaterThanOrEqualTo(8_000_000L);
        // live sizes are the sampled objects' own (JDK 25): one big object of the host's can outweigh the
        // leak's many small ones, so the leak line is the one with the most live samples
        assertThat(live.getEntries().stream().max(java.util.Comparator.comparing(StatisticDiff::getCountDiff))
                .orElseThrow().getKey()).as(live.toString()).isEqualTo(LEAK_LINE);
    }

    @Test
    @Order(20)
    void rootNamedByPath_hasTheDeepSizeOfTheHostsOwnJol() throws Exception {
        RootsApi roots = new RootsApi(client());
        roots.putRoot("by-put", new RootPath().className(SESSION_CACHE).fieldPath("INSTANCE.sessions"));

        DeepSizeReport size = roots.getRootSize("by-put", 3, null, null, "all");
        String jol = host().get("/jol/sessions");

        assertThat(size.getDeepBytes()).isEqualTo(TestHost.number(jol, "totalSize"));
        assertThat(size.getObjectCount()).isEqualTo(TestHost.number(jol, "totalCount"));
        assertThat(size.getType()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
    }

    @Test
    @Order(30)
    void hostsOwnEndpoint_answers_withItsOwnJettyJacksonAndJersey() {
        String versions = host().get("/versions");

        assertThat(versions).contains("\"jetty\":\"9.4.").contains("\"jackson\":\"2.12.7\"").contains("\"jersey\":\"2.");
    }

    @Test
    @Order(40)
    void host_canLoadNoneOfHeapscopesClasses() {
        List<String> heapscopes = List.of("dev.heapscope.Heapscope",
                "dev.heapscope.shaded.org.eclipse.jetty.server.Server",
                "dev.heapscope.shaded.com.fasterxml.jackson.databind.ObjectMapper",
                "dev.heapscope.shaded.org.glassfish.jersey.server.ResourceConfig",
                "dev.heapscope.shaded.org.openjdk.jol.vm.VM",
                "dev.heapscope.shaded.org.slf4j.LoggerFactory",
                // classes that only heapscope's Jetty 12, Jersey 3.1 and Jackson 2.20 have, under their own names
                "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
                "jakarta.ws.rs.core.Response",
                "com.fasterxml.jackson.core.StreamReadConstraints");

        for (String className : heapscopes) {
            assertThat(host().get("/loadable?class=" + className)).as(className).isEqualTo("{\"loadable\":false}");
        }
        assertThat(host().get("/loadable?class=org.eclipse.jetty.server.Server")).isEqualTo("{\"loadable\":true}");
    }

    @Test
    @Order(90)
    void heapscope_printsNothingButWhereItListens() {
        List<String> printed = host().linesNotFromHostOrJvm();

        assertThat(printed).isNotEmpty().allSatisfy(line ->
                assertThat(line).matches(TestHost.HEAPSCOPE_LISTENING.pattern()));
    }
}
