package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.EventBus;
import com.example.shop.Session;
import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiClient;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.HeapApi;
import dev.heapscope.client.api.RootsApi;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.model.BackrefChain;
import dev.heapscope.client.model.BackrefReport;
import dev.heapscope.client.model.ClassLayout;
import dev.heapscope.client.model.ComparisonReport;
import dev.heapscope.client.model.DeepSizeReport;
import dev.heapscope.client.model.RefsReport;
import dev.heapscope.client.model.SnapshotRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** Registered roots over REST and the generated client: deep size, back-references, refs, layout. */
class RootsTest {

    static final String SECRET = "s3cr3t-p4ssw0rd-do-not-leak";
    static final long SECRET_NUMBER = 987_654_321_123L;

    Heapscope heapscope;
    RootsApi roots;
    Http http;
    Map<String, Session> sessions;
    EventBus bus;

    @BeforeEach
    void start() {
        heapscope = Heapscope.builder().port(0).start();
        ApiClient client = Clients.of(heapscope);
        roots = new RootsApi(client);
        http = new Http(heapscope.uri());
        sessions = new HashMap<>();
        bus = new EventBus();
        for (int i = 0; i < 200; i++) {
            Session s = new Session(SECRET + i, SECRET_NUMBER, 64);
            s.put("token", SECRET);
            sessions.put("session-" + i, s);
        }
        bus.register(sessions.get("session-7"));
        heapscope.register("sessions", sessions);
        heapscope.register("bus", bus);
    }

    @AfterEach
    void stop() {
        heapscope.close();
    }

    @Test
    void size_equalsJol_withEveryBoundaryCrossed() throws Exception {
        GraphLayout jol = GraphLayout.parseInstance(sessions);

        DeepSizeReport size = roots.getRootSize("sessions", 5, null, null, "all");

        assertThat(size.getDeepBytes()).isEqualTo(jol.totalSize());
        assertThat(size.getObjectCount()).isEqualTo(jol.totalCount());
        assertThat(size.getType()).isEqualTo("java.util.HashMap");
        assertThat(size.getByClass()).hasSize(5);
        assertThat(size.getByClass().get(0).getBytes()).isGreaterThanOrEqualTo(size.getByClass().get(1).getBytes());
        assertThat(size.getWalk().getTruncated()).isFalse();
        assertThat(size.getWalk().getLiveGraph()).isTrue();
        assertThat(size.getWalk().getNotFollowed()).isEmpty();
    }

    @Test
    void size_isTruncated_whenObjectLimitIsReached() throws Exception {
        DeepSizeReport size = roots.getRootSize("sessions", 10, 100L, null, null);

        assertThat(size.getWalk().getTruncated()).isTrue();
        assertThat(size.getWalk().getTruncationReason()).contains("100");
        assertThat(size.getObjectCount()).isLessThanOrEqualTo(100);
    }

    @Test
    void listRoots_namesEveryRoot_withTypeAndLiveness() throws Exception {
        assertThat(roots.listRoots().getRoots()).extracting(r -> r.getName() + " " + r.getType() + " " + r.getAlive())
                .containsExactly("sessions java.util.HashMap true", "bus com.example.shop.EventBus true");
    }

    @Test
    void size_isGone_whenRootWasCollected() throws Exception {
        heapscope.register("ephemeral", new Object[] {new byte[1000]});
        Deadline.within(java.time.Duration.ofSeconds(10)).until("the root is collected", () -> {
            System.gc();
            return heapscope.roots().list().stream().noneMatch(r -> r.name().equals("ephemeral") && r.alive());
        });

        ErrorsTest.assertProblem(http.get("/roots/ephemeral/size"), 410, "gone", "garbage collected");
        assertThat(roots.listRoots().getRoots()).extracting(r -> r.getName() + "=" + r.getAlive())
                .contains("ephemeral=false", "sessions=true");
    }

    @Test
    void size_rejectsBadInput_asProblems() {
        ErrorsTest.assertProblem(http.get("/roots/nobody/size"), 404, "not-found", "nobody");
        ErrorsTest.assertProblem(http.get("/roots/sessions/size?maxObjects=0"), 400, "bad-request", "maxObjects 0");
        ErrorsTest.assertProblem(http.get("/roots/sessions/size?timeLimitMs=999999"), 400, "bad-request", "timeLimitMs");
        ErrorsTest.assertProblem(http.get("/roots/sessions/size?follow=everything"), 400, "bad-request", "everything");
        ErrorsTest.assertProblem(http.get("/roots/sessions/size?maxObjects=lots"), 400, "bad-request", "maxObjects");
    }

    @Test
    void backrefs_findListener_withExactHops() throws Exception {
        BackrefReport report = roots.getBackrefs("bus", "com.example.shop.Session", 5, 20, null, null, null);

        assertThat(report.getChains()).hasSize(1);
        BackrefChain chain = report.getChains().get(0);
        assertThat(chain.getTargetType()).isEqualTo("com.example.shop.Session");
        assertThat(chain.getHops()).extracting(h -> h.getHolderType() + " " + h.getEdge()).containsExactly(
                "java.lang.Object[] [0]", "java.util.ArrayList elementData", "com.example.shop.EventBus listeners");
    }

    @Test
    void backrefs_matchSubtypes_andRequireType() throws Exception {
        BackrefReport report = roots.getBackrefs("sessions", "com.example.shop.EventBus$Listener", 3, 20, null, null,
                null);

        assertThat(report.getChains()).hasSize(3).allSatisfy(c ->
                assertThat(c.getTargetType()).isEqualTo("com.example.shop.Session"));
        ErrorsTest.assertProblem(http.get("/roots/sessions/backrefs"), 400, "bad-request", "type is required");
        ErrorsTest.assertProblem(http.get("/roots/sessions/backrefs?type=x&maxDepth=0"), 400, "bad-request",
                "maxDepth 0");
    }

    @Test
    void backrefs_isNotFound_namingTheType_whenNoLoadedClassHasThatName() {
        ErrorsTest.assertProblem(http.get("/roots/sessions/backrefs?type=no.such.Type"), 404, "not-found",
                "no class or interface named 'no.such.Type'");
    }

    @Test
    void backrefs_isEmpty_whenTheTypeIsKnownButHasNoInstanceInTheGraph() throws Exception {
        BackrefReport report = roots.getBackrefs("bus", "java.util.concurrent.Semaphore", null, null, null, null, null);

        assertThat(report.getChains()).isEmpty();
        assertThat(report.getWalk().getTruncated()).isFalse();
    }

    @Test
    void backrefs_isBadRequest_whenTypeIsNotAClassName() {
        ErrorsTest.assertProblem(http.get("/roots/sessions/backrefs?type=%00"), 400, "bad-request", "not a class name");
        ErrorsTest.assertProblem(http.get("/roots/sessions/backrefs?type=a/b"), 400, "bad-request", "not a class name");
    }

    @Test
    void refs_showWhatRootHolds_byField() throws Exception {
        RefsReport refs = roots.getRefs("bus", 3, null, null, null);

        assertThat(refs.getTree().getType()).isEqualTo("com.example.shop.EventBus");
        assertThat(refs.getTree().getChildren()).extracting(c -> c.getField() + ":" + c.getType())
                .containsExactly("listeners:java.util.ArrayList");
        assertThat(refs.getTree().getDeepBytes()).isEqualTo(roots.getRootSize("bus", 1, null, null, null).getDeepBytes());
    }

    @Test
    void dot_namesEveryHop_andParsesWithGraphviz() throws Exception {
        HttpResponse<String> dot = http.get("/roots/bus/backrefs?type=com.example.shop.Session", "text/vnd.graphviz");

        assertThat(dot.statusCode()).isEqualTo(200);
        assertThat(dot.body()).startsWith("digraph").contains("label=\"[0]\"").contains("label=\"elementData\"")
                .contains("label=\"listeners\"").contains("root 'bus'");
        Graphviz.assertParses(dot.body());
        Graphviz.assertParses(http.get("/roots/sessions/refs?maxDepth=2", "text/vnd.graphviz").body());
    }

    @Test
    void noResponse_carriesFieldValues() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/roots", "/roots/sessions/size?limit=100&follow=all",
                "/roots/sessions/backrefs?type=java.lang.String&limit=100",
                "/roots/sessions/refs?maxDepth=6", "/layout?class=com.example.shop.Session")) {
            bodies.add(http.get(path).body());
            bodies.add(http.get(path, "text/vnd.graphviz").body());
        }
        heapscope.snapshots().take("with-roots");
        bodies.add(http.get("/snapshots/with-roots/statistics?groupBy=root").body());

        assertThat(bodies).allSatisfy(body -> assertThat(body)
                .doesNotContain(SECRET).doesNotContain("s3cr3t").doesNotContain(Long.toString(SECRET_NUMBER))
                .doesNotContain("session-7"));
    }

    @Test
    void layout_explainsFieldsAndPadding() throws Exception {
        ClassLayout layout = new HeapApi(Clients.of(heapscope))
                .getLayout("com.example.shop.Session");

        assertThat(layout.getFields()).extracting(f -> f.getName())
                .containsExactlyInAnyOrder("user", "createdAt", "attributes", "buffer");
        assertThat(layout.getInstanceBytes()).isEqualTo(
                org.openjdk.jol.info.ClassLayout.parseClass(Session.class).instanceSize());
        ErrorsTest.assertProblem(http.get("/layout?class=com.example.Nope"), 404, "not-found", "com.example.Nope");
        ErrorsTest.assertProblem(http.get("/layout"), 400, "bad-request", "class is required");
        assertThat(http.get("/layout?class=byte[]").statusCode()).isEqualTo(200);
    }

    @Test
    void snapshots_recordRootSizes_andCompareByRoot() throws Exception {
        SnapshotsApi snapshots = new SnapshotsApi(Clients.of(heapscope));
        snapshots.takeSnapshot(new SnapshotRequest().name("small"));
        for (int i = 200; i < 1200; i++) {
            sessions.put("session-" + i, new Session("u" + i, i, 1024));
        }
        snapshots.takeSnapshot(new SnapshotRequest().name("big"));

        ComparisonReport byRoot = snapshots.compareSnapshots("big", "small", "root", null, null, 10, null);

        assertThat(byRoot.getEntries().get(0).getKey()).isEqualTo("sessions");
        assertThat(byRoot.getEntries().get(0).getSizeDiff()).isGreaterThan(1000L * 1024);
        assertThat(byRoot.getEntries().get(0).getCountDiff()).isGreaterThan(1000L * 5);
    }

    @Test
    void secondConcurrentWalk_isBusy_withRetryAfter() throws Exception {
        Object[] huge = new Object[2_000_000];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = new int[] {i};
        }
        heapscope.register("huge", huge);
        boolean sawBusy = false;
        for (int attempt = 0; attempt < 5 && !sawBusy; attempt++) {
            Thread slow = new Thread(() -> http.get("/roots/huge/size?follow=all"));
            slow.start();
            while (slow.isAlive() && !sawBusy) {
                HttpResponse<String> second = http.get("/roots/bus/size");
                if (second.statusCode() == 429) {
                    ErrorsTest.assertProblem(second, 429, "busy", "another heavy operation");
                    assertThat(second.headers().firstValue("Retry-After")).isPresent();
                    sawBusy = true;
                }
            }
            slow.join();
        }
        assertThat(sawBusy).as("a request during a running walk is refused with 429").isTrue();
        assertThat(huge).hasSize(2_000_000);
    }
}
