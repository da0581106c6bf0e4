package dev.heapscope.jmx;

import dev.heapscope.Doc;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * How one Java type crosses to a JMX client: its open type, and the conversion of a value to open data that
 * JConsole, VisualVM or any client shows with none of heapscope's classes. Built once per type (per class in a
 * ClassValue), immutable. The rules (docs/JMX.md has them as a table):
 * <ul>
 * <li>primitives, their boxes, String, BigDecimal, BigInteger and void: their SimpleType, as is;</li>
 * <li>an enum: STRING, its {@code toString()}; an Instant: STRING, ISO-8601 UTC; a Duration: LONG, milliseconds;</li>
 * <li>{@code Optional<T>} and OptionalLong: T's open type, null when empty;</li>
 * <li>{@code List<T>} and {@code T[]}: an ArrayType of T's (CompositeData[] for records); primitive arrays as is;</li>
 * <li>a record: a CompositeType named after it, one item per component and one per public no-argument method
 * marked {@link Doc} (a derived figure such as an average), each described by its {@link Doc}.</li>
 * </ul>
 * Null stays null at any depth (JMX allows a null item or array element; a console shows an empty cell), so no
 * sentinel is ever invented. Anything else (a Map, a Set, a wildcard, an undescribed record or component, a record
 * that contains itself) is refused when the mapping is built, naming the record and component: a bean that could
 * not be shown fails when heapscope starts, not when a console calls it.
 */
final class OpenMapping {

    private static final List<SimpleType<?>> SIMPLE = List.of(SimpleType.VOID, SimpleType.BOOLEAN,
            SimpleType.CHARACTER, SimpleType.BYTE, SimpleType.SHORT, SimpleType.INTEGER, SimpleType.LONG,
            SimpleType.FLOAT, SimpleType.DOUBLE, SimpleType.STRING, SimpleType.BIGDECIMAL, SimpleType.BIGINTEGER);
    private static final ClassValue<OpenMapping> BY_CLASS = new ClassValue<>() {
        @Override
        protected OpenMapping computeValue(Class<?> type) {
            return build(type, List.of());
        }
    };

    private final OpenType<?> openType;
    // the class of the open values, e.g. CompositeData: an array of this mapping is an array of it
    private final Class<?> openClass;
    private final UnaryOperator<Object> convert;

    private OpenMapping(OpenType<?> openType, Class<?> openClass, UnaryOperator<Object> convert) {
        this.openType = openType;
        this.openClass = openClass;
        this.convert = convert;
    }

    /**
     * The mapping of a Java type, generic or not (a method's {@code getGenericReturnType()}).
     *
     * @throws IllegalArgumentException when it, or a type inside it, has no open type: the message names the
     *                                  record and component
     */
    static OpenMapping of(Type type) {
        return type instanceof Class<?> c ? BY_CLASS.get(c) : build(type, List.of());
    }

    OpenType<?> openType() {
        return openType;
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
        if (!(type instanceof Class<?> c)) {
            throw unmappable(type);
        }
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
        if (c.isArray() && c.getComponentType().isPrimitive()) {
            return new OpenMapping(ArrayType.getPrimitiveArrayType(c), c, v -> v);
        }
        if (c.isArray()) {
            return arrayOf(build(c.getComponentType(), records));
        }
        if (c.isRecord()) {
            return composite(c, records);
        }
        throw unmappable(type);
    }

    private static IllegalArgumentException unmappable(Type type) {
        return new IllegalArgumentException("no JMX open type for " + type.getTypeName() + ": use a record, an"
                + " enum, a simple type, or a List or Optional of one");
    }

    private static OpenMapping composite(Class<?> record, List<Class<?>> around) {
        if (around.contains(record)) {
            throw new IllegalArgumentException("record " + record.getName() + " contains itself, which a JMX open"
                    + " type cannot: flatten it (as RefsReport.rows() flattens the reference tree)");
        }
        Doc doc = record.getAnnotation(Doc.class);
        if (doc == null) {
            throw new IllegalArgumentException("record " + record.getName() + " has no @Doc to describe it");
        }
        List<Class<?>> records = new ArrayList<>(around);
        records.add(record);
        List<Method> readers = new ArrayList<>();
        Arrays.stream(record.getRecordComponents()).map(RecordComponent::getAccessor).forEach(readers::add);
        Arrays.stream(record.getMethods()).filter(m -> m.isAnnotationPresent(Doc.class) && m.getParameterCount() == 0)
                .filter(m -> !readers.contains(m)).sorted(Comparator.comparing(Method::getName)).forEach(readers::add);
        // a core record may be public inside a package-private class: read it whatever its access
        readers.forEach(m -> m.setAccessible(true));
        List<OpenMapping> mappings = readers.stream().map(m -> item(record, m, records)).toList();
        try {
            CompositeType type = new CompositeType(record.getName(), doc.value(),
                    readers.stream().map(Method::getName).toArray(String[]::new),
                    readers.stream().map(m -> m.getAnnotation(Doc.class).value()).toArray(String[]::new),
                    mappings.stream().map(OpenMapping::openType).toArray(OpenType<?>[]::new));
            return new OpenMapping(type, CompositeData.class, v -> {
                Map<String, Object> items = new HashMap<>();
                for (int i = 0; i < readers.size(); i++) {
                    items.put(readers.get(i).getName(), mappings.get(i).toOpen(read(readers.get(i), v)));
                }
                return data(type, items);
            });
        } catch (OpenDataException e) {
            throw new IllegalArgumentException("record " + record.getName() + ": " + e.getMessage(), e);
        }
    }

    private static OpenMapping item(Class<?> record, Method reader, List<Class<?>> records) {
        String where = record.getName() + "." + reader.getName() + " (" + reader.getGenericReturnType().getTypeName()
                + ")";
        if (!reader.isAnnotationPresent(Doc.class)) {
            throw new IllegalArgumentException(where + " has no @Doc: every item a console shows is described");
        }
        try {
            return build(reader.getGenericReturnType(), records);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
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

    private static CompositeData data(CompositeType type, Map<String, Object> items) {
        try {
            return new CompositeDataSupport(type, items);
        } catch (OpenDataException e) {
            throw new IllegalStateException("a " + type.getTypeName() + " does not fit its own open type", e);
        }
    }
}
