package dev.heapscope.jmx;

import dev.heapscope.heap.HeapService;
import dev.heapscope.heap.RootsService;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.watch.LeakWatch;
import java.util.ArrayList;
import java.util.List;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * heapscope's MXBeans in one MBeanServer: {@code dev.heapscope:type=Tracing}, {@code type=Snapshots},
 * {@code type=Heap}, {@code type=Roots} and {@code type=Watch}, registered together and unregistered together by {@link #close()}.
 *
 * <p>Naming, so that two heapscope instances in one JVM never clash: with an instance name the beans are
 * {@code dev.heapscope:type=<T>,name=<instance>}, and that name being taken is an error. Without one, the
 * first instance gets the plain {@code dev.heapscope:type=<T>} and each further one the first free
 * {@code name=2}, {@code name=3}, ... (at most {@value #MAX_UNNAMED} unnamed instances).
 */
public final class JmxBeans implements AutoCloseable {

    /** The ObjectName domain of every heapscope MBean. */
    public static final String DOMAIN = "dev.heapscope";
    /** Unnamed heapscope instances one MBeanServer holds at most. */
    public static final int MAX_UNNAMED = 100;

    private final MBeanServer server;
    private final List<ManagedBean> registered;

    private JmxBeans(MBeanServer server, List<ManagedBean> registered) {
        this.server = server;
        this.registered = registered;
    }

    /**
     * Registers the beans over the given core services.
     *
     * @param instanceName the {@code name=} key, or null for the first free plain or numbered name
     * @throws IllegalStateException when the instance name is taken, more than {@value #MAX_UNNAMED} unnamed
     *                               instances exist, or the MBeanServer refuses a bean
     */
    public static JmxBeans register(MBeanServer server, String instanceName, TracingService tracing,
                                    SnapshotService snapshots, HeapService heap, RootsService roots,
                                    LeakWatch watch) {
        ManagedBeans catalogue = new ManagedBeans(tracing, snapshots, heap, roots, watch);
        if (instanceName != null) {
            return registerAll(server, catalogue.create(instanceName));
        }
        for (int n = 1; n <= MAX_UNNAMED; n++) {
            try {
                return registerAll(server, catalogue.create(n == 1 ? null : Integer.toString(n)));
            } catch (NameTaken taken) {
                // another heapscope in this JVM holds these names: try the next number
            }
        }
        throw new IllegalStateException("more than " + MAX_UNNAMED + " heapscope instances are registered in this"
                + " JVM's MBeanServer; close some or pass jmx(false)");
    }

    /** The ObjectNames registered, in registration order. */
    public List<ObjectName> names() {
        return registered.stream().map(ManagedBean::name).toList();
    }

    /** Stops the notifications and unregisters every bean; idempotent. */
    @Override
    public synchronized void close() {
        unregister(server, registered);
        registered.clear();
    }

    private static JmxBeans registerAll(MBeanServer server, List<ManagedBean> beans) {
        List<ManagedBean> done = new ArrayList<>();
        try {
            for (ManagedBean bean : beans) {
                server.registerMBean(bean.mbean(), bean.name());
                done.add(bean);
                bean.attach().run();
            }
            return new JmxBeans(server, done);
        } catch (InstanceAlreadyExistsException e) {
            unregister(server, done);
            throw new NameTaken(e.getMessage());
        } catch (JMException e) {
            unregister(server, done);
            throw new IllegalStateException("the MBeanServer refused heapscope's MXBeans: " + e.getMessage(), e);
        }
    }

    private static void unregister(MBeanServer server, List<ManagedBean> beans) {
        for (int i = beans.size() - 1; i >= 0; i--) {
            ManagedBean bean = beans.get(i);
            bean.detach().run();
            try {
                server.unregisterMBean(bean.name());
            } catch (JMException e) {
                // someone unregistered it already: nothing of ours is left to release
            }
        }
    }

    /** An ObjectName already taken; for an explicit instance name this is what the caller sees. */
    static final class NameTaken extends IllegalStateException {
        NameTaken(String objectName) {
            super("the JMX name " + objectName + " is taken, probably by another heapscope in this JVM:"
                    + " give this one another jmxName(...)");
        }
    }
}
