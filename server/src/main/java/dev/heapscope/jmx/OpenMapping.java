package dev.heapscope.jmx;

import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * How one Java type crosses to a JMX client: its open type, and how a value becomes open data that any console
 * shows with none of heapscope's classes. Built once per type (per class in a ClassValue); docs/JMX.md has the
 * rules as a table. Null stays null at any depth (JMX allows a null item or array element), so no sentinel is
 * invented. A type with no mapping (a Map, a Set, a wildcard, an undescribed record or component, a record that
 * contains itself) is refused when the mapping is built, naming the record and component, so a bean that could
 * not be shown fails when heapscope starts, not when a console calls it.
 *
 * @param openType  what the MBeanInfo declares
 * @param openClass the class of the open values (CompositeData for a record): arrays of this type are arrays of it
 * @param convert   a non-null value to open data
 */
record OpenMapping(OpenType<?> openType, Class<?> openClass, UnaryOperator<Object> convert) {

    private static final List<SimpleType<?>> SIMPLE = List.of(SimpleType.VOID, SimpleType.BOOLEAN,
            SimpleType.CHARACTER, SimpleType.BYTE, SimpleType.SHORT, SimpleType.INTEGER, SimpleType.LONG,
            SimpleType.FLOAT, SimpleType.DOUBLE, SimpleType.STRING, SimpleType.BIGDECIMAL, SimpleType.BIGINTEGER);
    private static final ClassValue<OpenMapping> BY_CLASS = new ClassValue<>() {
        @Override
        protected OpenMapping computeValue(Class<?> type) {
            return build(type, List.of());
        }
    };

    /**
     * The mapping of a Java type, generic or not (a method's {@code getGenericReturnType()}).
     *
     * @throws IllegalArgumentException naming the record and component when it has no open type
     */
    static OpenMapping of(Type type) {
        return type instanceof Class<?> c ? BY_CLASS.get(c) : build(type, List.of());
    }

    /** The open data for {@code value}, a value of the Java type this maps; null for null. */
    Object toOpen(Object value) {
        return value == null ? null : convert.apply(value);
    }

    // records: those being built around this type, to refuse a record inside itself
    private static OpenMapping build(Type type, List<Class<?>> records) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return arrayOf(build(p.getActualTypeArguments()[0], records));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            OpenMapping value = build(p.getActualTypeArguments()[0], records);
            return new OpenMapping(value.openType, value.openClass, v -> ((Optional<?>) v).map(value::toOpen)
                    .orElse(null));
        }
        // any other generic type (a Map<K, V>, a Set<T>, a wildcard) falls through to the refusal
        Class<?> c = type instanceof Class<?> k ? k : Map.class;
        Class<?> boxed = MethodType.methodType(c).wrap().returnType();
        for (SimpleType<?> simple : SIMPLE) {
            if (simple.getClassName().equals(boxed.getName())) {
                return new OpenMapping(simple, boxed, v -> v);
            }
        }
        if (c.isEnum() || c == Instant.class) {
            return new OpenMapping(SimpleType.STRING, String.class, Object::toString);
        }
        if (c == Duration.class) {
            return new OpenMapping(SimpleType.LONG, Long.class, v -> ((Duration) v).toMillis());
        }
        if (c == OptionalLong.class) {
            return new OpenMapping(SimpleType.LONG, Long.class, v -> ((OptionalLong) v).isPresent()
                    ? ((OptionalLong) v).getAsLong() : null);
        }
        if (c.isArray()) {
            // a primitive array passes as is, as the MXBean framework passes it
            return c.getComponentType().isPrimitive() ? new OpenMapping(ArrayType.getPrimitiveArrayType(c), c, v -> v)
                    : arrayOf(build(c.getComponentType(), records));
        }
        if (c.isRecord()) {
            return composite(c, records);
        }
        throw new IllegalArgumentException("no JMX open type for " + type.getTypeName() + ": use a record, an enum,"
                + " a simple type, or a List or Optional of one");
    }

    private static OpenMapping composite(Class<?> record, List<Class<?>> around) {
        if (around.contains(record)) {
            throw new IllegalArgumentException("record " + record.getName() + " contains itself, which a JMX open"
                    + " type cannot: flatten it (as RefsReport.rows() flattens the reference tree)");
        }
        List<Class<?>> records = Stream.concat(around.stream(), Stream.of(record)).toList();
        List<Method> readers = new ArrayList<>();
        Arrays.stream(record.getRecordComponents()).map(RecordComponent::getAccessor).forEach(readers::add);
        Descriptions.members(record).stream().filter(f -> readers.stream().noneMatch(m -> m.getName().equals(f)))
                .map(f -> derivedFigure(record, f)).toList().forEach(readers::add);
        String[] names = readers.stream().map(Method::getName).toArray(String[]::new);
        OpenMapping[] items = new OpenMapping[names.length];
        for (int i = 0; i < names.length; i++) {
            // a core record may be public inside a package-private class: read it whatever its access
            readers.get(i).setAccessible(true);
            try {
                items[i] = build(readers.get(i).getGenericReturnType(), records);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(record.getName() + "." + names[i] + " ("
                        + readers.get(i).getGenericReturnType().getTypeName() + "): " + e.getMessage(), e);
            }
        }
        try {
            CompositeType type = new CompositeType(record.getName(), Descriptions.of(record, ""), names,
                    Arrays.stream(names).map(n -> Descriptions.of(record, "." + n)).toArray(String[]::new),
                    Arrays.stream(items).map(OpenMapping::openType).toArray(OpenType<?>[]::new));
            return new OpenMapping(type, CompositeData.class, v -> data(type, names, IntStream.range(0, names.length)
                    .mapToObj(i -> items[i].toOpen(read(readers.get(i), v))).toArray()));
        } catch (OpenDataException e) {
            throw new IllegalArgumentException("record " + record.getName() + ": " + e.getMessage(), e);
        }
    }

    // a figure the descriptions name that is no component: a public no-argument method, such as average()
    private static Method derivedFigure(Class<?> record, String name) {
        try {
            return record.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("the descriptions name " + record.getName() + "." + name + ", which is"
                    + " neither a component nor a public no-argument method", e);
        }
    }

    private static OpenMapping arrayOf(OpenMapping element) {
        try {
            return new OpenMapping(ArrayType.getArrayType(element.openType), element.openClass.arrayType(), v -> {
                List<?> list = v instanceof List<?> l ? l : Arrays.asList((Object[]) v);
                Object[] array = (Object[]) Array.newInstance(element.openClass, list.size());
                Arrays.setAll(array, i -> element.toOpen(list.get(i)));
                return array;
            });
        } catch (OpenDataException e) {
            throw new IllegalArgumentException("no JMX array of " + element.openType.getTypeName(), e);
        }
    }

    private static Object read(Method reader, Object record) {
        try {
            return reader.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + reader + ": " + e.getMessage(), e);
        }
    }

    private static CompositeData data(CompositeType type, String[] names, Object[] values) {
        try {
            return new CompositeDataSupport(type, names, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("a " + type.getTypeName() + " does not fit its own open type", e);
        }
    }
}
