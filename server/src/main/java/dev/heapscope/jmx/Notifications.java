package dev.heapscope.jmx;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;

/**
 * A core listener interface as JMX notifications, whichever adapter (REST, JMX or code) made the change. Each of its
 * methods that its package's {@code descriptions.properties} describes ({@code TracingListener.started}) is one
 * notification: the type is the package and the method ({@code dev.heapscope.tracing.started}), the message the
 * description and the argument's first text component if any (a snapshot's name, a suspect's key), the userData
 * the method's one argument, a core record, mapped by {@link OpenMapping}. Undescribed methods (the watch's
 * {@code snapshotTaken}) send nothing.
 *
 * @param <L> the listener interface
 */
final class Notifications<L> {

    private final Class<L> listener;
    private final Map<String, Kind> kinds = new TreeMap<>();

    /** @throws IllegalArgumentException when a described method does not take one argument of an open type */
    Notifications(Class<L> listener) {
        this.listener = listener;
        for (String name : Descriptions.members(listener)) {
            Method method = Arrays.stream(listener.getMethods())
                    .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(listener.getName() + "." + name + " is described"
                            + " as a notification, so it must be a method of one argument"));
            Class<?> argument = method.getParameterTypes()[0];
            kinds.put(name, new Kind(listener.getPackageName() + "." + name, Descriptions.of(listener, "." + name),
                    OpenMapping.of(method.getGenericParameterTypes()[0]), argument.isRecord() ? Arrays.stream(
                    argument.getRecordComponents()).filter(c -> c.getType() == String.class)
                    .map(RecordComponent::getAccessor).findFirst().orElse(null) : null));
        }
    }

    /** One entry per notification type, for the MBeanInfo: its description, and what its userData is. */
    MBeanNotificationInfo[] info() {
        return kinds.values().stream().map(k -> new MBeanNotificationInfo(new String[] {k.type}, Notification.class
                .getName(), k.description + "; userData: " + k.userData.openType().getDescription()))
                .toArray(MBeanNotificationInfo[]::new);
    }

    /** A listener that sends each described call as a notification from {@code bean}. */
    L forwarder(OpenBean bean) {
        return listener.cast(Proxy.newProxyInstance(listener.getClassLoader(), new Class<?>[] {listener},
                (proxy, method, args) -> switch (method.getName()) {
                    // the listener sets find it again by identity, to remove it
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "JMX notifications from " + bean.name();
                    default -> kinds.containsKey(method.getName()) ? kinds.get(method.getName()).send(bean, args[0])
                            : null;
                }));
    }

    /** One notification type: what it says, and which component of its record names what it is about. */
    private record Kind(String type, String description, OpenMapping userData, Method subject) {
        Object send(OpenBean bean, Object argument) throws ReflectiveOperationException {
            bean.send(type, subject == null ? description : description + ": " + subject.invoke(argument),
                    userData.toOpen(argument));
            return null;
        }
    }
}
