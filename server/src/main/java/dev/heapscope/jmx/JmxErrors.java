package dev.heapscope.jmx;

import dev.heapscope.HeapscopeException;
import java.util.stream.Stream;

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
        return Stream.iterate(failure, t -> t != null, Throwable::getCause).map(t -> t.getClass().getName())
                .allMatch(name -> name.startsWith("java.") || name.startsWith("javax."));
    }
}
