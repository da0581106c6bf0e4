package dev.heapscope.tracing;

/**
 * One frame of an allocation traceback.
 *
 * @param className  dotted binary class name, e.g. {@code com.example.SessionStore} or {@code a.B$Inner}
 * @param methodName the method name
 * @param fileName   the source file name from the class file, e.g. {@code SessionStore.java}, or null
 * @param line       the source line, or -1 when unknown
 */
public record Frame(String className, String methodName, String fileName, int line) {

    /** {@code com/example/SessionStore.java:42}, tracemalloc's "lineno" key. */
    public String lineKey() {
        return fileKey() + ":" + line;
    }

    /** {@code com.example.SessionStore.put}. */
    public String methodKey() {
        return className + "." + methodName;
    }

    /**
     * {@code com/example/SessionStore.java}: the package path plus the source file name, or the class
     * name as a path when the class has no source file attribute.
     */
    public String fileKey() {
        int dot = className.lastIndexOf('.');
        String packagePath = dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
        return fileName == null ? className.replace('.', '/') : packagePath + fileName;
    }
}
