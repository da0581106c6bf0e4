package dev.heapscope.heap;

/**
 * How heapscope names a class loader to a person and how a person picks one back: by its name when it has
 * one ({@code app}, {@code platform}), else by its identity string ({@code java.net.URLClassLoader@1b6d3586},
 * which never changes while the loader lives, unlike a {@code toString()} a loader may override).
 */
final class ClassLoaderNames {

    private ClassLoaderNames() {
    }

    /** {@code bootstrap} for the boot loader, else the identity string. */
    static String identity(ClassLoader loader) {
        return loader == null ? "bootstrap"
                : loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
    }

    /** {@code 'app' (jdk.internal...AppClassLoader@5ca881b5)}, or the identity alone for an unnamed loader. */
    static String describe(ClassLoader loader) {
        String name = loader == null ? null : loader.getName();
        return name == null ? identity(loader) : "'" + name + "' (" + identity(loader) + ")";
    }

    /** Whether {@code wanted} names this loader: its name or its identity string. */
    static boolean matches(ClassLoader loader, String wanted) {
        return wanted.equals(identity(loader)) || (loader != null && wanted.equals(loader.getName()));
    }
}
