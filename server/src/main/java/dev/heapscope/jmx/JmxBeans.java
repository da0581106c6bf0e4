package dev.heapscope.jmx;

import dev.heapscope.Services;
import dev.heapscope.snapshot.SnapshotListener;
import dev.heapscope.tracing.TracingListener;
import dev.heapscope.watch.WatchListener;
import java.util.ArrayList;
import java.util.List;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * heapscope's MBeans in one MBeanServer: {@code dev.heapscope:type=Tracing}, {@code type=Snapshots},
 * {@code type=Heap}, {@code type=Roots} and {@code type=Watch}, registered together and unregistered together by {@link #close()}.
 * Each is an {@link OpenBean} over one bean class of this package; adding one is one more entry in
 * {@link #create}.
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

    private static final Runnable NOTHING = () -> { };

    private final MBeanServer server;
    private final List<Managed> registered;

    private JmxBeans(MBeanServer server, List<Managed> registered) {
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
    public static JmxBeans register(MBeanServer server, String instanceName, Services services) {
        if (instanceName != null) {
            return registerAll(server, create(services, instanceName));
        }
        for (int n = 1; n <= MAX_UNNAMED; n++) {
            try {
                return registerAll(server, create(services, n == 1 ? null : Integer.toString(n)));
            } catch (NameTaken taken) {
                // another heapscope in this JVM holds these names: try the next number
            }
        }
        throw new IllegalStateException("more than " + MAX_UNNAMED + " heapscope instances are registered in this"
                + " JVM's MBeanServer; close some or pass jmx(false)");
    }

    /** The ObjectNames registered, in registration order. */
    public List<ObjectName> names() {
        return registered.stream().map(m -> m.bean.name()).toList();
    }

    /** Stops the notifications and unregisters every bean; idempotent. */
    @Override
    public synchronized void close() {
        unregister(server, registered);
        registered.clear();
    }

    // fresh beans named dev.heapscope:type=<T>[,name=<instance>]; instance null for no name key
    private static List<Managed> create(Services services, String instance) {
        OpenBean tracing = new OpenBean(name("Tracing", instance), new TracingBean(services.tracing()),
                JmxEvents.TRACING);
        TracingListener tracingEvents = JmxEvents.tracing(tracing);
        OpenBean snapshots = new OpenBean(name("Snapshots", instance), new SnapshotsBean(services.snapshots()),
                JmxEvents.SNAPSHOTS);
        SnapshotListener snapshotEvents = JmxEvents.snapshots(snapshots);
        OpenBean watch = new OpenBean(name("Watch", instance), new WatchBean(services.watch()), JmxEvents.WATCH);
        WatchListener watchEvents = JmxEvents.watch(watch);
        return List.of(
                new Managed(tracing, () -> services.tracing().listeners().add(tracingEvents),
                        () -> services.tracing().listeners().remove(tracingEvents)),
                new Managed(snapshots, () -> services.snapshots().listeners().add(snapshotEvents),
                        () -> services.snapshots().listeners().remove(snapshotEvents)),
                new Managed(new OpenBean(name("Heap", instance), new HeapBean(services.heap())), NOTHING, NOTHING),
                new Managed(new OpenBean(name("Roots", instance), new RootsBean(services.roots())), NOTHING, NOTHING),
                new Managed(watch, () -> services.watch().listeners().add(watchEvents),
                        () -> services.watch().listeners().remove(watchEvents)));
    }

    private static ObjectName name(String type, String instance) {
        try {
            return new ObjectName(DOMAIN + ":type=" + type + (instance == null ? "" : ",name=" + instance));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("'" + instance + "' cannot be part of a JMX name: " + e.getMessage(), e);
        }
    }

    private static JmxBeans registerAll(MBeanServer server, List<Managed> beans) {
        List<Managed> done = new ArrayList<>();
        try {
            for (Managed managed : beans) {
                server.registerMBean(managed.bean, managed.bean.name());
                done.add(managed);
                managed.attach.run();
            }
            return new JmxBeans(server, done);
        } catch (InstanceAlreadyExistsException e) {
            unregister(server, done);
            throw new NameTaken(e.getMessage());
        } catch (JMException e) {
            unregister(server, done);
            throw new IllegalStateException("the MBeanServer refused heapscope's MBeans: " + e.getMessage(), e);
        }
    }

    private static void unregister(MBeanServer server, List<Managed> beans) {
        for (int i = beans.size() - 1; i >= 0; i--) {
            Managed managed = beans.get(i);
            managed.detach.run();
            try {
                server.unregisterMBean(managed.bean.name());
            } catch (JMException e) {
                // someone unregistered it already: nothing of ours is left to release
            }
        }
    }

    /** A bean, and what subscribes it to the core's events once registered and unsubscribes it before. */
    private record Managed(OpenBean bean, Runnable attach, Runnable detach) {
    }

    /** An ObjectName already taken; for an explicit instance name this is what the caller sees. */
    static final class NameTaken extends IllegalStateException {
        NameTaken(String objectName) {
            super("the JMX name " + objectName + " is taken, probably by another heapscope in this JVM:"
                    + " give this one another jmxName(...)");
        }
    }
}
