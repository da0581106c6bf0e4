package dev.heapscope.tracing;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why tracing could not start, as an operator can act on it, without exception class names. */
final class TracingFailures {

    private TracingFailures() {
    }

    /** The failure and its causes in words, with the temporary directory when a file could not be made. */
    static String describe(Exception failure) {
        StringBuilder detail = new StringBuilder(String.valueOf(failure.getMessage()));
        boolean files = false;
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            detail.append(": ").append(inWords(cause));
            files |= cause instanceof IOException;
        }
        if (files) {
            detail.append(" (java.io.tmpdir is ").append(System.getProperty("java.io.tmpdir"))
                    .append("; it must be a writable directory)");
        }
        return detail.toString();
    }

    private static String inWords(Throwable cause) {
        if (cause instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (cause instanceof FileSystemException fs) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return String.valueOf(cause.getMessage());
    }
}
