package dev.heapscope.jmx;

import dev.heapscope.HeapscopeException;

/**
 * The one place heapscope's failures become what a JMX client can read. A remote client such as
 * JConsole has none of heapscope's classes, so an exception of ours (or one caused by ours) would
 * arrive as an unmarshalling error instead of its message. Bad input and unknown names become
 * {@link IllegalArgumentException}; conflicts, a busy or missing facility {@link IllegalStateException}.
 */
final class JmxErrors {

    private JmxErrors() {
    }

    static RuntimeException toJdk(Exception failure) {
        if (failure instanceof HeapscopeException.BadRequest || failure instanceof HeapscopeException.NotFound) {
            return new IllegalArgumentException(failure.getMessage());
        }
        if (failure instanceof HeapscopeException) {
            return new IllegalStateException(failure.getMessage());
        }
        if (failure instanceof RuntimeException jdk && onlyJdkClasses(failure)) {
            return jdk;
        }
        return new IllegalStateException("heapscope failed: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    private static boolean onlyJdkClasses(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (!name.startsWith("java.") && !name.startsWith("javax.")) {
                return false;
            }
        }
        return true;
    }
}
