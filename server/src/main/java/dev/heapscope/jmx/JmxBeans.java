package dev.heapscope.jmx;

import dev.heapscope.Listeners;
import dev.heapscope.Services;
import dev.heapscope.snapshot.SnapshotListener;
import dev.heapscope.tracing.TracingListener;
import dev.heapscope.watch.WatchListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * heapscope's MBeans in one MBeanServer: {@code dev.heapscope:type=Tracing}, {@code type=Snapshots}, {@code type=Heap},
 * {@code type=Roots} and {@code type=Watch}, registered together and unregistered together by {@link #close()}. Each
 * is an {@link OpenBean} over one bean class of this package, the first two and the last sending the calls of a core
 * listener interface as {@link Notifications}; adding one is one more line in {@link #registerAll}.
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
    private final String instance;
    private final List<ObjectName> names = new ArrayList<>();
    // what close() undoes, the last done first: leaving the core's listeners, unregistering
    private final Deque<Runnable> undo = new ArrayDeque<>();

    private JmxBeans(MBeanServer server, String instance) {
        this.server = server;
        this.instance = instance;
    }

    /**
     * Registers the beans over the given core services.
     *
     * @param instanceName the {@code name=} key, or null for the first free plain or numbered name
     * @throws IllegalStateException when the instance name is taken, more than {@value #MAX_UNNAMED} unnamed
     *                               instances exist, or the MBeanServer refuses a bean
     */
    public static JmxBeans register(MBeanServer server, String instanceName, Services services) {
        for (int n = 1; n <= (instanceName == null ? MAX_UNNAMED : 1); n++) {
            JmxBeans beans = new JmxBeans(server, instanceName != null ? instanceName : n == 1 ? null : "" + n);
            try {
                return beans.registerAll(services);
            } catch (InstanceAlreadyExistsException e) {
                beans.close();
                if (instanceName != null) {
                    throw new IllegalStateException("the JMX name " + e.getMessage() + " is taken, probably by another"
                            + " heapscope in this JVM: give this one another jmxName(...)", e);
                }
                // another heapscope in this JVM holds these names: try the next number
            } catch (JMException e) {
                beans.close();
                throw new IllegalStateException("the MBeanServer refused heapscope's MBeans: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                // a bean that cannot be built (undescribed, no open type): leave none of the others registered
                beans.close();
                throw e;
            }
        }
        throw new IllegalStateException("more than " + MAX_UNNAMED + " heapscope instances are registered in this"
                + " JVM's MBeanServer; close some or pass jmx(false)");
    }

    /** The ObjectNames registered, in registration order. */
    public synchronized List<ObjectName> names() {
        return List.copyOf(names);
    }

    /** Stops the notifications and unregisters every bean; idempotent. */
    @Override
    public synchronized void close() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
        names.clear();
    }

    // the caller closes what a refusal left registered
    private synchronized JmxBeans registerAll(Services services) throws JMException {
        add("Tracing", new TracingBean(services.tracing()), TracingListener.class, services.tracing().listeners());
        add("Snapshots", new SnapshotsBean(services.snapshots()), SnapshotListener.class,
                services.snapshots().listeners());
        add(new OpenBean(name("Heap"), new HeapBean(services.heap())));
        add(new OpenBean(name("Roots"), new RootsBean(services.roots())));
        add("Watch", new WatchBean(services.watch()), WatchListener.class, services.watch().listeners());
        return this;
    }

    // a bean that sends the calls of a core listener interface as notifications, while registered
    private <L> void add(String type, Object bean, Class<L> events, Listeners<L> listeners) throws JMException {
        Notifications<L> notifications = new Notifications<>(events);
        L forwarder = notifications.forwarder(add(new OpenBean(name(type), bean, notifications.info())));
        listeners.add(forwarder);
        undo.push(() -> listeners.remove(forwarder));
    }

    private OpenBean add(OpenBean bean) throws JMException {
        server.registerMBean(bean, bean.name());
        names.add(bean.name());
        undo.push(() -> {
            try {
                server.unregisterMBean(bean.name());
            } catch (JMException e) {
                // someone unregistered it already: nothing of ours is left to release
            }
        });
        return bean;
    }

    // dev.heapscope:type=<T>[,name=<instance>]
    private ObjectName name(String type) {
        try {
            return new ObjectName(DOMAIN + ":type=" + type + (instance == null ? "" : ",name=" + instance));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("'" + instance + "' cannot be part of a JMX name: " + e.getMessage(), e);
        }
    }
}
