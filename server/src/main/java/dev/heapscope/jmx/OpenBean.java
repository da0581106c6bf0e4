package dev.heapscope.jmx;

import dev.heapscope.Doc;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.Descriptor;
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
 * {@code isX}) or an operation, described by its {@link Doc}, its result mapped by {@link OpenMapping} and its
 * failure by {@link JmxErrors}. The MBeanInfo is what the MXBean framework would give (Java type names, each
 * member's {@code openType} in its descriptor), so JConsole and VisualVM render it as they render MXBeans. It is
 * built with the bean: an undescribed member, or one without an open type, fails heapscope's start.
 */
final class OpenBean extends NotificationBroadcasterSupport implements DynamicMBean {

    private final ObjectName name;
    private final Object bean;
    private final Map<String, Member> attributes = new LinkedHashMap<>();
    private final Map<String, Member> operations = new LinkedHashMap<>();
    private final MBeanInfo info;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param name          where it is registered, and the source of its notifications (the bean itself would
     *                      not serialize to a remote client)
     * @param bean          its class has a {@link Doc} and declares the members as public methods, each with a
     *                      {@link Doc}, open-mappable parameters and results, no two of one name
     * @param parameters    the description of each parameter name, or of {@code "operation.parameter"} where a
     *                      name means something else in one operation
     * @param notifications the notifications it sends, if any
     * @throws IllegalStateException naming the member that is undescribed or has no open type
     */
    OpenBean(ObjectName name, Object bean, Map<String, String> parameters, MBeanNotificationInfo... notifications) {
        super(notifications);
        this.name = name;
        this.bean = bean;
        Class<?> type = bean.getClass();
        Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName)).map(m -> new Member(m, parameters))
                .forEach(m -> {
                    if ((m.attribute == null ? operations : attributes).put(m.name(), m) != null) {
                        throw new IllegalStateException(type.getName() + " declares " + m.name() + " twice: a"
                                + " console cannot tell overloads apart");
                    }
                });
        this.info = new MBeanInfo(type.getName(), describe(type, type.getName()),
                attributes.values().stream().map(Member::attributeInfo).toArray(MBeanAttributeInfo[]::new), null,
                operations.values().stream().map(Member::operationInfo).toArray(MBeanOperationInfo[]::new),
                notifications, new ImmutableDescriptor("immutableInfo=true"));
    }

    ObjectName name() {
        return name;
    }

    /** Sends a notification carrying {@code event}, a described record, as CompositeData userData. */
    void send(String type, String message, Instant time, Object event) {
        Notification notification = new Notification(type, name, sequence.incrementAndGet(), time.toEpochMilli(),
                message);
        notification.setUserData(OpenMapping.of(event.getClass()).toOpen(event));
        sendNotification(notification);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        Member member = attributes.get(attribute);
        if (member == null) {
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
        Member member = operations.get(operation);
        if (member == null || member.method.getParameterCount() != args.length) {
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

    private static String describe(AnnotatedElement element, String what) {
        if (!element.isAnnotationPresent(Doc.class)) {
            throw new IllegalStateException(what + " has no @Doc: every bean, attribute and operation is described"
                    + " for JConsole");
        }
        return element.getAnnotation(Doc.class).value();
    }

    /** An attribute's getter or an operation's method, with the mappings of its result and parameters. */
    private static final class Member {
        final Method method;
        final String attribute;
        final OpenMapping result;
        final MBeanParameterInfo[] signature;

        Member(Method method, Map<String, String> parameters) {
            String name = method.getName();
            boolean getter = method.getParameterCount() == 0 && method.getReturnType() != void.class;
            this.method = method;
            this.attribute = getter && name.startsWith("get") && name.length() > 3 ? name.substring(3)
                    : getter && name.startsWith("is") && method.getReturnType() == boolean.class ? name.substring(2)
                    : null;
            this.result = mapping(method.getGenericReturnType(), method.toString());
            this.signature = Arrays.stream(method.getParameters()).map(p -> parameter(name, p, parameters))
                    .toArray(MBeanParameterInfo[]::new);
        }

        String name() {
            return attribute == null ? method.getName() : attribute;
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

        MBeanAttributeInfo attributeInfo() {
            return new MBeanAttributeInfo(attribute, typeName(method.getReturnType(), result),
                    describe(method, method.toString()), true, false, method.getName().startsWith("is"),
                    descriptor(result, method.getGenericReturnType()));
        }

        MBeanOperationInfo operationInfo() {
            int impact = method.isAnnotationPresent(Action.class) ? MBeanOperationInfo.ACTION : MBeanOperationInfo.INFO;
            return new MBeanOperationInfo(method.getName(), describe(method, method.toString()), signature,
                    typeName(method.getReturnType(), result), impact, descriptor(result, method.getGenericReturnType()));
        }

        private static MBeanParameterInfo parameter(String operation, Parameter p, Map<String, String> parameters) {
            String what = "parameter " + p.getName() + " of " + operation;
            String description = parameters.getOrDefault(operation + "." + p.getName(), parameters.get(p.getName()));
            OpenMapping mapping = mapping(p.getParameterizedType(), what);
            if (!p.isNamePresent() || description == null || !(mapping.openType() instanceof SimpleType<?>)) {
                throw new IllegalStateException(what + " needs a name (compile with -parameters), a description in"
                        + " the bean's PARAMETERS and a simple type, which a console can type in");
            }
            return new MBeanParameterInfo(p.getName(), typeName(p.getType(), mapping), description,
                    descriptor(mapping, p.getParameterizedType()));
        }

        private static OpenMapping mapping(Type type, String what) {
            try {
                return OpenMapping.of(type);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(what + ": " + e.getMessage(), e);
            }
        }

        // as the MXBean framework names them: int for an int, the open class (CompositeData) otherwise
        private static String typeName(Class<?> java, OpenMapping mapping) {
            return java.isPrimitive() ? java.getName() : mapping.openType().getClassName();
        }

        private static Descriptor descriptor(OpenMapping mapping, Type java) {
            return new ImmutableDescriptor(new String[] {"openType", "originalType"},
                    new Object[] {mapping.openType(), java.getTypeName()});
        }
    }
}
