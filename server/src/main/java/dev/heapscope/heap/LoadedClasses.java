package dev.heapscope.heap;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes of one name that this JVM has loaded, in every class loader: Spring Boot's, a servlet
 * container's per-application loaders, OSGi bundles.
 *
 * <p>With an {@link Instrumentation} (heapscope running as an agent) that is exactly
 * {@link Instrumentation#getAllLoadedClasses()}. Without one (heapscope embedded as a library) no API lists
 * another loader's classes, so the loaders the host's live threads use as context class loaders, the
 * system loader and heapscope's own are asked by name; that may load a class (never initialise it) that
 * was not loaded yet.
 */
final class LoadedClasses {

    private final Instrumentation instrumentation;

    /** @param instrumentation the agent's, or null when heapscope is embedded */
    LoadedClasses(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** Every loaded class named {@code className} (a binary name), one per defining loader. */
    List<Class<?>> named(String className) {
        return instrumentation != null ? fromInstrumentation(className) : fromLoaders(className);
    }

    private List<Class<?>> fromInstrumentation(String className) {
        List<Class<?>> found = new ArrayList<>(2);
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getName().equals(className)) {
                found.add(type);
            }
        }
        return found;
    }

    private static List<Class<?>> fromLoaders(String className) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (ClassLoader loader : candidateLoaders()) {
            try {
                found.add(Class.forName(className, false, loader));
            } catch (ClassNotFoundException | LinkageError notThere) {
                // another loader may know it
            }
        }
        return List.copyOf(found);
    }

    private static Set<ClassLoader> candidateLoaders() {
        Set<ClassLoader> loaders = Collections.newSetFromMap(new IdentityHashMap<>());
        loaders.add(ClassLoader.getSystemClassLoader());
        ClassLoader own = LoadedClasses.class.getClassLoader();
        if (own != null) {
            loaders.add(own);
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ClassLoader context = thread.getContextClassLoader();
            if (context != null) {
                loaders.add(context);
            }
        }
        return loaders;
    }
}
