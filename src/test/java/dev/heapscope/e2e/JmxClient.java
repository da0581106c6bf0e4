package dev.heapscope.e2e;

import dev.heapscope.Heapscope;
import java.util.Arrays;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/** Calls a heapscope instance's MXBeans by name, as a generic JMX console does: no heapscope class needed. */
final class JmxClient {

    private static final String[] COMPARE_SIGNATURE = {"java.lang.String", "java.lang.String", "java.lang.String",
            "java.lang.String", "boolean", "int", "int"};

    final MBeanServerConnection connection;
    final ObjectName tracing;
    final ObjectName snapshots;
    final ObjectName heap;
    final ObjectName roots;

    JmxClient(MBeanServerConnection connection, Heapscope heapscope) {
        this.connection = connection;
        this.tracing = named(heapscope, "Tracing");
        this.snapshots = named(heapscope, "Snapshots");
        this.heap = named(heapscope, "Heap");
        this.roots = named(heapscope, "Roots");
    }

    void startTracing(int stackDepth, int samplesPerSecond) throws Exception {
        startTracing(stackDepth, samplesPerSecond, true);
    }

    void startTracing(int stackDepth, int samplesPerSecond, boolean liveSampling) throws Exception {
        connection.invoke(tracing, "start", new Object[] {stackDepth, samplesPerSecond, liveSampling},
                new String[] {"int", "int", "boolean"});
    }

    void stopTracing() throws Exception {
        connection.invoke(tracing, "stop", new Object[0], new String[0]);
    }

    CompositeData take(String name) throws Exception {
        return (CompositeData) connection.invoke(snapshots, "take", new Object[] {name},
                new String[] {"java.lang.String"});
    }

    CompositeData takeWithoutChains(String name) throws Exception {
        return (CompositeData) connection.invoke(snapshots, "takeWithoutChains", new Object[] {name},
                new String[] {"java.lang.String"});
    }

    void delete(String name) throws Exception {
        connection.invoke(snapshots, "delete", new Object[] {name}, new String[] {"java.lang.String"});
    }

    CompositeData compare(String name, String baseline, String groupBy, String view) throws Exception {
        return (CompositeData) connection.invoke(snapshots, "compare",
                new Object[] {name, baseline, groupBy, view, false, 10, 0}, COMPARE_SIGNATURE);
    }

    CompositeData statistics(String name, String groupBy, String view) throws Exception {
        return (CompositeData) connection.invoke(snapshots, "statistics", new Object[] {name, groupBy, view, false, 10, 0},
                Arrays.copyOfRange(COMPARE_SIGNATURE, 1, COMPARE_SIGNATURE.length));
    }

    CompositeData histogram(int limit) throws Exception {
        return (CompositeData) connection.invoke(heap, "histogram", new Object[] {limit}, new String[] {"int"});
    }

    CompositeData layout(String className) throws Exception {
        return (CompositeData) connection.invoke(heap, "layout", new Object[] {className},
                new String[] {"java.lang.String"});
    }

    CompositeData size(String root, int limit, long maxObjects, long timeLimitMs, String follow) throws Exception {
        return (CompositeData) connection.invoke(roots, "size", new Object[] {root, limit, maxObjects, timeLimitMs,
                follow}, new String[] {"java.lang.String", "int", "long", "long", "java.lang.String"});
    }

    CompositeData backrefs(String root, String type, int limit, int maxDepth) throws Exception {
        return (CompositeData) connection.invoke(roots, "backrefs", new Object[] {root, type, limit, maxDepth, 0L, 0L,
                ""}, new String[] {"java.lang.String", "java.lang.String", "int", "int", "long", "long",
                "java.lang.String"});
    }

    CompositeData refs(String root, int maxDepth) throws Exception {
        return (CompositeData) connection.invoke(roots, "refs", new Object[] {root, maxDepth, 0L, 0L, ""},
                new String[] {"java.lang.String", "int", "long", "long", "java.lang.String"});
    }

    Object attribute(ObjectName bean, String attribute) throws Exception {
        return connection.getAttribute(bean, attribute);
    }

    /** The exception an operation's failure carries to the client (the MBeanServer wraps it). */
    static Throwable clientSide(Throwable thrown) {
        return thrown instanceof RuntimeMBeanException wrapped ? wrapped.getTargetException() : thrown;
    }

    /** Whether a value holds nothing but open data: what any JMX console can show. */
    static boolean isOpen(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof CompositeData data) {
            return data.getClass().getName().startsWith("javax.management.openmbean.")
                    && data.values().stream().allMatch(JmxClient::isOpen);
        }
        if (value instanceof TabularData table) {
            return table.getClass().getName().startsWith("javax.management.openmbean.")
                    && table.values().stream().allMatch(JmxClient::isOpen);
        }
        if (value.getClass().isArray()) {
            return value.getClass().getComponentType().isPrimitive()
                    || Arrays.stream((Object[]) value).allMatch(JmxClient::isOpen);
        }
        // String, boxed primitives, BigDecimal, BigInteger, Date and ObjectName are the open simple types
        return value.getClass().getName().startsWith("java.lang.") || value instanceof java.math.BigDecimal
                || value instanceof java.math.BigInteger || value instanceof java.util.Date
                || value instanceof ObjectName;
    }

    private static ObjectName named(Heapscope heapscope, String type) {
        return heapscope.mbeanNames().stream().filter(n -> type.equals(n.getKeyProperty("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no type=" + type + " bean in " + heapscope.mbeanNames()));
    }
}
