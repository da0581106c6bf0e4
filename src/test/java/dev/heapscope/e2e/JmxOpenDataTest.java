package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.StaticMapLeak;
import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanFeatureInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every heapscope MBean as a console with none of heapscope's classes meets it, through a real RMI connector:
 * each attribute, operation, parameter and composite item (at any depth) is described, and every attribute and
 * every operation's result arrives as open data of the open type its MBeanInfo declares.
 */
class JmxOpenDataTest {

    /** A representative call of every operation, in the order they run: adding an operation means adding one. */
    static final Map<String, Object[]> CALLS = calls();
    // what the JDK writes when nobody described a member
    static final Set<String> JDK_DEFAULTS = Set.of("Attribute exposed for management",
            "Operation exposed for management", "Information on the management interface of the MBean");

    static Heapscope heapscope;
    static RmiJmx jmx;
    static JmxClient client;
    static final List<byte[]> CACHE = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        heapscope = Heapscope.builder().port(0).start();
        jmx = RmiJmx.start();
        client = new JmxClient(jmx.connection(), heapscope);
        heapscope.tracing().start(TracingSettings.DEFAULTS);
        for (int i = 0; i < 100; i++) {
            CACHE.add(new byte[1024]);
        }
        heapscope.register("cache", CACHE);
        heapscope.snapshots().take("first");
        StaticMapLeak.leak(1000);
    }

    @AfterAll
    static void stop() throws Exception {
        StaticMapLeak.release();
        jmx.close();
        heapscope.close();
    }

    @Test
    void mbeanInfo_describesEveryMemberAndCompositeItem_overRmiConnector() throws Exception {
        List<String> undescribed = new ArrayList<>();
        for (ObjectName name : heapscope.mbeanNames()) {
            MBeanInfo info = client.connection.getMBeanInfo(name);
            check(name.toString(), name.getKeyProperty("type"), info.getDescription(), undescribed);
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                checkMember(name + " attribute", attribute, undescribed);
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                checkMember(name + " operation", operation, undescribed);
                for (MBeanParameterInfo parameter : operation.getSignature()) {
                    assertThat(parameter.getName()).as(operation.getName()).doesNotMatch("p\\d+|arg\\d+");
                    checkMember(name + " " + operation.getName() + " parameter", parameter, undescribed);
                }
            }
            for (MBeanNotificationInfo notification : info.getNotifications()) {
                check(name + " notification", notification.getName(), notification.getDescription(), undescribed);
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void everyAttributeAndOperation_arrivesAsOpenDataOfItsDeclaredType_overRmiConnector() throws Exception {
        Set<String> operations = new TreeSet<>();
        for (ObjectName name : heapscope.mbeanNames()) {
            for (MBeanAttributeInfo attribute : client.connection.getMBeanInfo(name).getAttributes()) {
                assertOpen(name + " " + attribute.getName(), attribute,
                        client.connection.getAttribute(name, attribute.getName()));
            }
            Arrays.stream(client.connection.getMBeanInfo(name).getOperations())
                    .forEach(op -> operations.add(name.getKeyProperty("type") + "." + op.getName()));
        }
        assertThat(CALLS.keySet()).as("a representative call of every operation").containsExactlyInAnyOrderElementsOf(
                operations);

        for (Map.Entry<String, Object[]> call : CALLS.entrySet()) {
            String[] typeAndOperation = call.getKey().split("\\.");
            ObjectName name = beanOf(typeAndOperation[0]);
            MBeanOperationInfo operation = Arrays.stream(client.connection.getMBeanInfo(name).getOperations())
                    .filter(op -> op.getName().equals(typeAndOperation[1])).findFirst().orElseThrow();
            String[] signature = Arrays.stream(operation.getSignature()).map(MBeanParameterInfo::getType)
                    .toArray(String[]::new);
            Object result = client.connection.invoke(name, operation.getName(), call.getValue(), signature);
            assertOpen(call.getKey(), operation, result);
        }
    }

    private static Map<String, Object[]> calls() {
        Map<String, Object[]> calls = new LinkedHashMap<>();
        calls.put("Tracing.start", new Object[] {16, 1000});
        calls.put("Tracing.startWithDefaults", new Object[0]);
        calls.put("Tracing.resetPeak", new Object[0]);
        calls.put("Snapshots.take", new Object[] {"second"});
        calls.put("Snapshots.snapshot", new Object[] {"first"});
        calls.put("Snapshots.statistics", new Object[] {"second", "traceback", "allocated", false, 10, 0});
        calls.put("Snapshots.compare", new Object[] {"second", "first", "line", "live", false, 10, 0});
        calls.put("Snapshots.leaks", new Object[] {"second", 10});
        calls.put("Snapshots.compareLeaks", new Object[] {"second", "first", 10});
        calls.put("Snapshots.delete", new Object[] {"second"});
        calls.put("Heap.histogram", new Object[] {5});
        calls.put("Heap.layout", new Object[] {"java.util.HashMap"});
        calls.put("Roots.size", new Object[] {"cache", 0, 0L, 0L, ""});
        calls.put("Roots.backrefs", new Object[] {"cache", "byte[]", 0, 0, 0L, 0L, ""});
        calls.put("Roots.refs", new Object[] {"cache", 0, 0L, 0L, ""});
        // the resolver never initialises a class: touching the field here does
        assertThat(Holder.SESSIONS).isNotEmpty();
        calls.put("Roots.register", new Object[] {"by-path", Holder.class.getName(), "SESSIONS", ""});
        calls.put("Roots.unregister", new Object[] {"by-path"});
        calls.put("Tracing.stop", new Object[0]);
        // last: the watch's first snapshot is a heavy operation the calls above could otherwise meet
        calls.put("Watch.start", new Object[] {600, 6, 0});
        calls.put("Watch.startWithDefaults", new Object[0]);
        calls.put("Watch.stop", new Object[0]);
        return calls;
    }

    private static void assertOpen(String what, MBeanFeatureInfo member, Object value) {
        OpenType<?> declared = (OpenType<?>) member.getDescriptor().getFieldValue("openType");
        assertThat(JmxClient.isOpen(value)).as(what + " is open data: " + value).isTrue();
        if (value != null) {
            assertThat(declared.isValue(value)).as(what + " is a value of " + declared).isTrue();
        }
    }

    private static void checkMember(String where, MBeanFeatureInfo member, List<String> undescribed) {
        check(where, member.getName(), member.getDescription(), undescribed);
        checkType(where + " " + member.getName(), (OpenType<?>) member.getDescriptor().getFieldValue("openType"),
                undescribed);
    }

    private static void checkType(String where, OpenType<?> type, List<String> undescribed) {
        if (type instanceof CompositeType composite) {
            check(where, composite.getTypeName(), composite.getDescription(), undescribed);
            for (String item : composite.keySet()) {
                check(where + "." + item, item, composite.getDescription(item), undescribed);
                checkType(where + "." + item, composite.getType(item), undescribed);
            }
        } else if (type instanceof ArrayType<?> array) {
            checkType(where + "[]", array.getElementOpenType(), undescribed);
        } else if (type instanceof TabularType table) {
            checkType(where, table.getRowType(), undescribed);
        }
    }

    // the MXBean framework describes an undescribed item by its name, a composite type by its type name
    private static void check(String where, String name, String description, List<String> undescribed) {
        if (description == null || description.isBlank() || description.equals(name)
                || JDK_DEFAULTS.contains(description)) {
            undescribed.add(where + " (" + name + "): '" + description + "'");
        }
    }

    private static ObjectName beanOf(String type) {
        return heapscope.mbeanNames().stream().filter(n -> type.equals(n.getKeyProperty("type"))).findFirst()
                .orElseThrow();
    }

    /** A static field for Roots.register to find by class name and field path. */
    static final class Holder {
        static final Map<String, Object> SESSIONS = new LinkedHashMap<>(Map.of("a", new byte[16]));
    }
}
