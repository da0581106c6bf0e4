package dev.heapscope.jmx;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.ImmutableDescriptor;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.SimpleType;

/**
 * One heapscope MBean over a bean object: each public method its class declares is an attribute ({@code getX},
 * {@code isX}) or an operation, described by {@link Descriptions}, its result mapped by {@link OpenMapping}, its
 * failure by {@link JmxErrors}. The MBeanInfo is what the MXBean framework would give (Java type names, each
 * member's {@code openType} in its descriptor), so consoles render it as an MXBean. Everything is checked when the
 * bean is built: an undescribed member, or one without an open type, fails heapscope's start.
 */
final class OpenBean extends NotificationBroadcasterSupport implements DynamicMBean {

    private final ObjectName name;
    private final Object bean;
    // attributes by the name JConsole shows (Since), operations by the method's (take)
    private final Map<String, Member> members = new HashMap<>();
    private final MBeanInfo info;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param name          where it is registered; the source of its notifications
     * @param bean          its class declares the members as public methods, no two of one name
     * @param notifications the notifications it sends, if any
     * @throws IllegalStateException naming the member that is undescribed or has no open type
     */
    OpenBean(ObjectName name, Object bean, MBeanNotificationInfo... notifications) {
        super(notifications);
        this.name = name;
        this.bean = bean;
        Class<?> type = bean.getClass();
        try {
            List<Member> all = Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())
                    && !Modifier.isStatic(m.getModifiers())).map(Member::of).sorted(Comparator.comparing(Member::name))
                    .toList();
            for (Member member : all) {
                if (members.put(member.name, member) != null) {
                    throw new IllegalArgumentException(member.name + " is declared twice: a console cannot tell"
                            + " overloads apart");
                }
            }
            this.info = new MBeanInfo(type.getName(), Descriptions.of(type, ""), all.stream().map(Member::attribute)
                    .filter(a -> a != null).toArray(MBeanAttributeInfo[]::new), null, all.stream()
                    .map(Member::operation).filter(o -> o != null).toArray(MBeanOperationInfo[]::new), notifications,
                    new ImmutableDescriptor("immutableInfo=true"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(type.getName() + ": " + e.getMessage(), e);
        }
    }

    ObjectName name() {
        return name;
    }

    /** Sends a notification from this bean, stamped now, carrying {@code userData} (open data). */
    void send(String type, String message, Object userData) {
        Notification notification = new Notification(type, name, sequence.incrementAndGet(), message);
        notification.setUserData(userData);
        sendNotification(notification);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        Member member = members.get(attribute);
        if (member == null || !member.isAttribute()) {
            throw new AttributeNotFoundException("no attribute " + attribute);
        }
        return member.call(bean, new Object[0]);
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        AttributeList list = new AttributeList();
        for (String attribute : names) {
            try {
                list.add(new Attribute(attribute, getAttribute(attribute)));
            } catch (AttributeNotFoundException | RuntimeException e) {
                // the JMX contract: an attribute that cannot be read is left out of the list
            }
        }
        return list;
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws ReflectionException {
        Object[] args = params == null ? new Object[0] : params;
        Member member = members.get(operation);
        if (member == null || member.isAttribute() || member.signature.length != args.length) {
            String what = operation + " with " + args.length + " arguments";
            throw new ReflectionException(new NoSuchMethodException(what), "no operation " + what);
        }
        return member.call(bean, args);
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList list) {
        return new AttributeList();
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }

    /**
     * An attribute's getter or an operation, with the mappings of its result and parameters.
     *
     * @param name the attribute's name (the getter's without get or is), or the operation's
     */
    private record Member(Method method, String name, boolean isAttribute, String description, OpenMapping result,
                          MBeanParameterInfo[] signature) {

        static Member of(Method method) {
            String name = method.getName();
            boolean getter = method.getParameterCount() == 0 && method.getReturnType() != void.class;
            boolean attribute = getter && name.matches("get.+|is.+") && (name.startsWith("get")
                    || method.getReturnType() == boolean.class);
            String shown = attribute ? name.substring(name.startsWith("is") ? 2 : 3) : name;
            try {
                return new Member(method, shown, attribute, Descriptions.of(method.getDeclaringClass(), "." + shown),
                        OpenMapping.of(method.getGenericReturnType()), Arrays.stream(method.getParameters())
                        .map(p -> parameter(method, p)).toArray(MBeanParameterInfo[]::new));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }

        Object call(Object bean, Object[] args) {
            try {
                return result.toOpen(method.invoke(bean, args));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw JmxErrors.toJdk((Exception) e.getCause());
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new IllegalArgumentException(method.getName() + " takes " + Arrays.toString(Arrays.stream(
                        signature).map(MBeanParameterInfo::getType).toArray()) + ": " + e.getMessage());
            }
        }

        MBeanAttributeInfo attribute() {
            return !isAttribute ? null : new MBeanAttributeInfo(name, typeName(method.getReturnType(), result),
                    description, true, false, method.getName().startsWith("is"), descriptor(result,
                    method.getGenericReturnType()));
        }

        MBeanOperationInfo operation() {
            return isAttribute ? null : new MBeanOperationInfo(name, description, signature, typeName(
                    method.getReturnType(), result), method.isAnnotationPresent(Action.class)
                    ? MBeanOperationInfo.ACTION : MBeanOperationInfo.INFO, descriptor(result,
                    method.getGenericReturnType()));
        }

        private static MBeanParameterInfo parameter(Method method, Parameter p) {
            OpenMapping mapping = OpenMapping.of(p.getParameterizedType());
            if (!p.isNamePresent() || !(mapping.openType() instanceof SimpleType<?>)) {
                throw new IllegalArgumentException("parameter " + p.getName() + " needs a name (compile with"
                        + " -parameters) and a simple type, which a console can type in");
            }
            return new MBeanParameterInfo(p.getName(), typeName(p.getType(), mapping), Descriptions.of(method
                    .getDeclaringClass(), "." + method.getName() + "(" + p.getName() + ")", "(" + p.getName() + ")"),
                    descriptor(mapping, p.getParameterizedType()));
        }

        // as the MXBean framework names them: int for an int, the open class (CompositeData) otherwise
        private static String typeName(Class<?> java, OpenMapping mapping) {
            return java.isPrimitive() ? java.getName() : mapping.openType().getClassName();
        }

        private static ImmutableDescriptor descriptor(OpenMapping mapping, Type java) {
            return new ImmutableDescriptor(new String[] {"openType", "originalType"},
                    new Object[] {mapping.openType(), java.getTypeName()});
        }
    }
}
