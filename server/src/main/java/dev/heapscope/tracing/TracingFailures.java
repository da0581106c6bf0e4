package dev.heapscope.tracing;

/** Why tracing could not start, as an operator can act on it. */
final class TracingFailures {

    private TracingFailures() {
    }

    /** The failure and its causes' messages, with the temporary directory when a file could not be made. */
    static String describe(Exception failure) {
        StringBuilder detail = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            detail.append(": ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                detail.append(" ").append(cause.getMessage());
            }
        }
        if (failure instanceof java.io.UncheckedIOException || failure.getCause() instanceof java.io.IOException) {
            detail.append(" (java.io.tmpdir is ").append(System.getProperty("java.io.tmpdir"))
                    .append("; it must be a writable directory)");
        }
        return detail.toString();
    }
}
