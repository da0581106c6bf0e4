package dev.heapscope.heap;

import dev.heapscope.HeapscopeException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds an object the way a person names it in the source: a static field of a loaded class, then
 * instance fields, dot-separated ({@code com.example.SessionCache} + {@code INSTANCE.sessions}). This is
 * how roots are named at run time, by an operator or the agent's {@code roots=} option, without a call to
 * {@code register(...)} in the host's code.
 *
 * <p>Fields are read as the heap walker reads them ({@link FieldReader}: JDK internals included, no class
 * is ever initialised by heapscope). Each step names the field declared by the object's class or the
 * nearest superclass declaring it. Thread-safe.
 */
public final class FieldPaths {

    /** Steps a path may have: the static field and the instance fields after it. */
    public static final int MAX_STEPS = 32;

    private static final Pattern STEP = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    private final LoadedClasses classes;
    private final FieldReader reader;

    /** @param instrumentation the agent's (every loaded class is then searched), or null when embedded */
    public FieldPaths(Instrumentation instrumentation) {
        this.classes = new LoadedClasses(instrumentation);
        this.reader = FieldReader.create();
    }

    /**
     * The object at the end of {@code fieldPath}.
     *
     * @param className   a binary class name, e.g. {@code com.example.SessionCache} or {@code a.B$Inner}
     * @param fieldPath   a static field of that class, then instance fields: {@code INSTANCE.sessions}
     * @param classLoader which loader's class, by the name or identity string a 409 lists; null when only one
     *                    loader has loaded the class
     * @throws HeapscopeException.BadRequest a malformed name or path, or a step that is a primitive
     * @throws HeapscopeException.NotFound   the class is not loaded (or not by that loader), a field is missing,
     *                                       or a step on the way is null; the detail names the step
     * @throws HeapscopeException.Conflict   several loaders have loaded the class and none was picked; the
     *                                       detail lists them
     */
    public Object resolve(String className, String fieldPath, String classLoader) {
        String name = requireClassName(className);
        String[] steps = requirePath(fieldPath);
        Class<?> type = pick(name, classes.named(name), classLoader);
        Field first = staticField(type, steps[0]);
        Object value = reader.readStatic(first);
        value = requireObject(value, first, 1, steps, type);
        for (int i = 1; i < steps.length; i++) {
            Field field = instanceField(value, steps[i], i + 1, steps);
            value = requireObject(reader.read(value, reader.offsetOf(field)), field, i + 1, steps, type);
        }
        return value;
    }

    private static String requireClassName(String className) {
        if (className == null || className.isBlank() || !CLASS_NAME.matcher(className.trim()).matches()) {
            throw new HeapscopeException.BadRequest("className " + (className == null ? "is missing" : "'" + className
                    + "' is not a binary class name") + ", e.g. com.example.SessionCache");
        }
        return className.trim();
    }

    private static String[] requirePath(String fieldPath) {
        if (fieldPath == null || fieldPath.isBlank()) {
            throw new HeapscopeException.BadRequest("fieldPath is missing: a static field, then instance fields,"
                    + " dot-separated, e.g. INSTANCE.sessions");
        }
        String[] steps = fieldPath.trim().split("\\.", -1);
        if (steps.length > MAX_STEPS) {
            throw new HeapscopeException.BadRequest("fieldPath has " + steps.length + " steps; at most " + MAX_STEPS);
        }
        for (String step : steps) {
            if (!STEP.matcher(step).matches()) {
                throw new HeapscopeException.BadRequest("fieldPath '" + fieldPath + "' is invalid: each step is a"
                        + " field name, dot-separated, e.g. INSTANCE.sessions");
            }
        }
        return steps;
    }

    private static Class<?> pick(String className, List<Class<?>> loaded, String classLoader) {
        if (loaded.isEmpty()) {
            throw new HeapscopeException.NotFound("class " + className + " is not loaded (by any class loader)");
        }
        if (classLoader != null && !classLoader.isBlank()) {
            List<Class<?>> chosen = loaded.stream().filter(c -> ClassLoaderNames.matches(c.getClassLoader(),
                    classLoader.trim())).toList();
            if (chosen.size() == 1) {
                return chosen.get(0);
            }
            if (chosen.isEmpty()) {
                throw new HeapscopeException.NotFound("class " + className + " is not loaded by a class loader named '"
                        + classLoader.trim() + "'; it is loaded by " + loaders(loaded));
            }
            loaded = chosen;
        } else if (loaded.size() == 1) {
            return loaded.get(0);
        }
        throw new HeapscopeException.Conflict("class " + className + " is loaded by " + loaded.size()
                + " class loaders: " + loaders(loaded) + "; pick one with classLoader (its name or identity string)");
    }

    private static String loaders(List<Class<?>> loaded) {
        return loaded.stream().map(c -> ClassLoaderNames.describe(c.getClassLoader())).collect(Collectors.joining(", "));
    }

    private static Field staticField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && Modifier.isStatic(f.getModifiers())) {
                    return f;
                }
            }
        }
        throw new HeapscopeException.NotFound("step 1 '" + name + "': class " + type.getName()
                + " has no static field '" + name + "'");
    }

    private static Field instanceField(Object holder, String name, int step, String[] steps) {
        if (holder.getClass().isArray()) {
            throw new HeapscopeException.NotFound(stepName(step, steps) + ": " + TypeNames.of(holder.getClass())
                    + " is an array and has no field '" + name + "'");
        }
        for (Class<?> c = holder.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                    return f;
                }
            }
        }
        throw new HeapscopeException.NotFound(stepName(step, steps) + ": " + TypeNames.of(holder.getClass())
                + " has no field '" + name + "'");
    }

    private static Object requireObject(Object value, Field field, int step, String[] steps, Class<?> start) {
        if (field.getType().isPrimitive()) {
            throw new HeapscopeException.BadRequest(stepName(step, steps) + ": field '" + field.getName() + "' of "
                    + TypeNames.of(field.getDeclaringClass()) + " is a " + field.getType().getName() + ", not an object");
        }
        if (value == null) {
            String where = step == 1 ? "static field '" + field.getName() + "' of " + start.getName()
                    + " is null (or its class is not initialised yet)"
                    : "field '" + field.getName() + "' of " + TypeNames.of(field.getDeclaringClass()) + " is null";
            throw new HeapscopeException.NotFound(stepName(step, steps) + ": " + where);
        }
        return value;
    }

    private static String stepName(int step, String[] steps) {
        return "step " + step + " '" + String.join(".", Arrays.copyOf(steps, step)) + "'";
    }
}
