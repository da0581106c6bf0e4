package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.shop.EventBus;
import com.example.shop.Session;
import dev.heapscope.Heapscope;
import dev.heapscope.client.api.RootsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/** The registered roots and class layouts over a real RMI connector, as JConsole reaches them. */
class JmxRootsTest {

    static final String SECRET = "s3cr3t-p4ssw0rd-do-not-leak";

    static Heapscope heapscope;
    static RmiJmx jmx;
    static JmxClient client;
    static Map<String, Session> sessions;
    static EventBus bus;

    @BeforeAll
    static void start() throws Exception {
        heapscope = Heapscope.builder().port(0).start();
        jmx = RmiJmx.start();
        client = new JmxClient(jmx.connection(), heapscope);
        sessions = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            Session s = new Session(SECRET + i, i, 64);
            s.put("token", SECRET);
            sessions.put("session-" + i, s);
        }
        bus = new EventBus();
        bus.register(sessions.get("session-7"));
        heapscope.register("sessions", sessions);
        heapscope.register("bus", bus);
    }

    @AfterAll
    static void stop() throws Exception {
        jmx.close();
        heapscope.close();
    }

    @Test
    void rootsBean_isFoundAndDescribed_overRmiConnector() throws Exception {
        assertThat(client.connection.queryNames(new ObjectName("dev.heapscope:type=Roots,*"), null))
                .contains(client.roots);

        MBeanInfo info = client.connection.getMBeanInfo(client.roots);

        assertThat(info.getAttributes()).extracting(a -> a.getName()).containsExactly("Roots");
        assertThat(info.getOperations()).extracting(this::signature).containsExactlyInAnyOrder(
                "size(name, limit, maxObjects, timeLimitMs, follow)",
                "backrefs(name, type, limit, maxDepth, maxObjects, timeLimitMs, follow)",
                "refs(name, maxDepth, maxObjects, timeLimitMs, follow)",
                "register(name, className, fieldPath, classLoader)",
                "unregister(name)");
        assertThat(Arrays.stream(info.getOperations()).flatMap(op -> Arrays.stream(op.getSignature()))
                .filter(p -> !List.of("name", "type", "className", "fieldPath").contains(p.getName())))
                .allSatisfy(p -> assertThat(p.getDescription()).as(p.getName()).containsPattern("0 for|empty for"));
    }

    @Test
    void rootsAttribute_listsEachRoot_withTypeAndAliveness() throws Exception {
        CompositeData[] roots = (CompositeData[]) client.attribute(client.roots, "Roots");

        assertThat(roots).extracting(r -> r.get("name") + ":" + r.get("type") + ":" + r.get("alive"))
                .contains("sessions:java.util.HashMap:true", "bus:com.example.shop.EventBus:true");
    }

    @Test
    void size_equalsJolAndRest_withEveryBoundaryCrossed() throws Exception {
        GraphLayout jol = GraphLayout.parseInstance(sessions);

        CompositeData size = client.size("sessions", 3, 0, 0, "all");

        assertThat(size.get("deepBytes")).isEqualTo(jol.totalSize());
        assertThat(size.get("objectCount")).isEqualTo(jol.totalCount());
        assertThat(size.get("deepBytes")).isEqualTo(new RootsApi(Clients.of(heapscope))
                .getRootSize("sessions", 3, null, null, "all").getDeepBytes());
        assertThat((CompositeData[]) size.get("byClass")).hasSize(3)
                .extracting(c -> (Long) c.get("bytes")).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        CompositeData walk = (CompositeData) size.get("walk");
        assertThat(walk.get("truncated")).isEqualTo(false);
        assertThat(walk.get("liveGraph")).isEqualTo(true);
        assertThat((String[]) walk.get("notFollowed")).isEmpty();
    }

    @Test
    void size_takesRestDefaults_forZeroAndEmptyArguments() throws Exception {
        CompositeData walk = (CompositeData) client.size("sessions", 0, 0, 0, "").get("walk");

        assertThat(walk.get("maxObjects")).isEqualTo(5_000_000L);
        assertThat(walk.get("timeLimitMs")).isEqualTo(10_000L);
        assertThat((String[]) walk.get("notFollowed"))
                .containsExactlyInAnyOrder("referents", "classes", "classLoaders", "threads");
    }

    @Test
    void size_isTruncated_whenObjectLimitIsReached() throws Exception {
        CompositeData size = client.size("sessions", 0, 100, 0, "");

        CompositeData walk = (CompositeData) size.get("walk");
        assertThat(walk.get("truncated")).isEqualTo(true);
        assertThat((String) walk.get("truncationReason")).contains("100");
        assertThat((Long) size.get("objectCount")).isLessThanOrEqualTo(100L);
    }

    @Test
    void backrefs_findListener_withExactHops() throws Exception {
        CompositeData report = client.backrefs("bus", "com.example.shop.Session", 0, 0);

        CompositeData[] chains = (CompositeData[]) report.get("chains");
        assertThat(chains).hasSize(1);
        assertThat(chains[0].get("targetType")).isEqualTo("com.example.shop.Session");
        assertThat((CompositeData[]) chains[0].get("hops")).extracting(h -> h.get("holderType") + " " + h.get("edge"))
                .containsExactly("java.lang.Object[] [0]", "java.util.ArrayList elementData",
                        "com.example.shop.EventBus listeners");
        assertThat(chains[0].get("path"))
                .isEqualTo("Session <- Object[] [0] <- ArrayList.elementData <- EventBus.listeners");
        assertThat(report.get("rootType")).isEqualTo("com.example.shop.EventBus");
    }

    @Test
    void refs_flattenTheTree_depthFirstWithRootFirst() throws Exception {
        CompositeData[] rows = (CompositeData[]) client.refs("bus", 0).get("rows");

        assertThat(rows).extracting(r -> r.get("depth") + " " + r.get("path") + " " + r.get("type")).containsExactly(
                "0  com.example.shop.EventBus",
                "1 listeners java.util.ArrayList",
                "2 listeners/elementData java.lang.Object[]",
                "3 listeners/elementData/[*] com.example.shop.Session");
        assertThat(rows[0].get("deepBytes")).isEqualTo(client.size("bus", 0, 0, 0, "").get("deepBytes"));
    }

    @Test
    void refs_placeEachRowUnderItsParent_inAWiderTree() throws Exception {
        CompositeData[] rows = (CompositeData[]) client.refs("sessions", 3).get("rows");

        assertThat(rows.length).isGreaterThan(3);
        for (int i = 1; i < rows.length; i++) {
            int depth = (Integer) rows[i].get("depth");
            CompositeData parent = nearestAbove(rows, i, depth - 1);
            String parentPath = (String) parent.get("path");
            assertThat(rows[i].get("path")).as("row %d", i)
                    .isEqualTo(parentPath.isEmpty() ? rows[i].get("field") : parentPath + "/" + rows[i].get("field"));
        }
    }

    @Test
    void layout_listsTheFourFieldsOfSession() throws Exception {
        CompositeData layout = client.layout("com.example.shop.Session");

        assertThat((CompositeData[]) layout.get("fields")).extracting(f -> f.get("name"))
                .containsExactlyInAnyOrder("user", "createdAt", "attributes", "buffer");
        assertThat(layout.get("instanceBytes")).isEqualTo(ClassLayout.parseClass(Session.class).instanceSize());
        assertThat(layout.get("gaps")).isInstanceOf(CompositeData[].class);
    }

    @Test
    void register_namesARootByClassAndFieldPath_andUnregisterForgetsIt() throws Exception {
        CompositeData root = (CompositeData) client.connection.invoke(client.roots, "register",
                new Object[] {"by-path", PathHolder.INSTANCE.getClass().getName(), "INSTANCE.sessions", ""},
                new String[] {"java.lang.String", "java.lang.String", "java.lang.String", "java.lang.String"});
        CompositeData size = client.size("by-path", 0, 0, 0, "all");

        assertThat(root.get("name") + ":" + root.get("type") + ":" + root.get("alive"))
                .isEqualTo("by-path:java.util.HashMap:true");
        assertThat(size.get("deepBytes")).isEqualTo(GraphLayout.parseInstance(PathHolder.INSTANCE.sessions).totalSize());

        client.connection.invoke(client.roots, "unregister", new Object[] {"by-path"}, new String[] {"java.lang.String"});

        assertThat((CompositeData[]) client.attribute(client.roots, "Roots")).extracting(r -> r.get("name"))
                .doesNotContain("by-path");
    }

    @Test
    void register_failsWithIllegalArgument_namingTheMissingStep() {
        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.connection.invoke(client.roots, "register",
                new Object[] {"x", PathHolder.INSTANCE.getClass().getName(), "INSTANCE.nothing", ""},
                new String[] {"java.lang.String", "java.lang.String", "java.lang.String", "java.lang.String"})));

        assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("step 2 'INSTANCE.nothing': " + PathHolder.class.getName() + " has no field 'nothing'");
    }

    /** A singleton, as a service holds its cache. */
    static final class PathHolder {
        static final PathHolder INSTANCE = new PathHolder();
        final Map<String, Session> sessions = new HashMap<>(Map.of("a", new Session("a", 1, 32)));
    }

    @Test
    void size_failsWithIllegalArgument_whenRootIsUnknown() {
        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.size("nobody", 0, 0, 0, "")));

        assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("no root registered as 'nobody'").hasNoCause();
    }

    @Test
    void size_failsWithIllegalState_whenRootWasCollected() {
        heapscope.register("ephemeral", new Object[] {new byte[1000]});
        Deadline.within(Duration.ofSeconds(10)).until("the root is collected", () -> {
            System.gc();
            return heapscope.roots().list().stream().noneMatch(r -> r.name().equals("ephemeral") && r.alive());
        });

        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.size("ephemeral", 0, 0, 0, "")));

        assertThat(failure).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("root 'ephemeral'").hasMessageContaining("garbage collected").hasNoCause();
    }

    @Test
    void operations_failWithIllegalArgument_forBadInput() {
        assertThat(JmxClient.clientSide(catchThrowable(() -> client.backrefs("bus", "", 0, 0))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("type is required");
        assertThat(JmxClient.clientSide(catchThrowable(() -> client.refs("bus", 11))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth 11");
        assertThat(JmxClient.clientSide(catchThrowable(() -> client.size("bus", 0, 0, 0, "everything"))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("follow 'everything'");
        assertThat(JmxClient.clientSide(catchThrowable(() -> client.size("bus", 10_001, 0, 0, ""))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit 10001");
        assertThat(JmxClient.clientSide(catchThrowable(() -> client.layout("com.example.Nope"))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.example.Nope");
    }

    @Test
    void backrefs_failWithIllegalArgument_whenNoLoadedClassHasTheType() {
        assertThat(JmxClient.clientSide(catchThrowable(() -> client.backrefs("bus", "no.such.Type", 0, 0))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.Type");
    }

    @Test
    void everyResult_isOpenData_andCarriesNoFieldValue() throws Exception {
        List<Object> results = List.of(client.attribute(client.roots, "Roots"),
                client.size("sessions", 100, 0, 0, "all"),
                client.backrefs("sessions", "java.lang.String", 100, 0),
                client.refs("sessions", 6),
                client.layout("com.example.shop.Session"),
                client.layout("byte[]"));

        assertThat(results).allSatisfy(result -> assertThat(JmxClient.isOpen(result)).as(String.valueOf(result))
                .isTrue());
        assertThat(results).allSatisfy(result -> assertThat(deepToString(result))
                .doesNotContain("s3cr3t").doesNotContain("session-7"));
    }

    @Test
    void compare_groupsByRoot_overJmx() throws Exception {
        List<byte[]> cart = new ArrayList<>();
        heapscope.register("cart", cart);
        try {
            client.take("cart-small");
            for (int i = 0; i < 100; i++) {
                cart.add(new byte[1024]);
            }
            client.take("cart-big");

            CompositeData[] entries = (CompositeData[]) client.compare("cart-big", "cart-small", "root", "live")
                    .get("entries");

            assertThat(entries[0].get("key")).isEqualTo("cart");
            assertThat((Long) entries[0].get("sizeDiff")).isGreaterThan(100L * 1024);
        } finally {
            heapscope.snapshots().list().forEach(snapshot -> heapscope.snapshots().delete(snapshot.name()));
            heapscope.unregister("cart");
        }
    }

    private String signature(MBeanOperationInfo op) {
        return op.getName() + "(" + String.join(", ", Arrays.stream(op.getSignature())
                .map(MBeanParameterInfo::getName).toList()) + ")";
    }

    private static CompositeData nearestAbove(CompositeData[] rows, int index, int depth) {
        for (int i = index - 1; i >= 0; i--) {
            if ((Integer) rows[i].get("depth") == depth) {
                return rows[i];
            }
        }
        throw new AssertionError("row " + index + " has no parent at depth " + depth);
    }

    private static String deepToString(Object value) {
        return value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
    }
}
