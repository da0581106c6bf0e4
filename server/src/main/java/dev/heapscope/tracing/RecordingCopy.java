package dev.heapscope.tracing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of the tracing recording in a private temporary file: write it out, then close it to delete the file. */
public final class RecordingCopy implements AutoCloseable {

    private final Path file;

    RecordingCopy(Path file) {
        this.file = file;
    }

    /** The copy's size in bytes. */
    public long bytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the JFR file to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        Files.copy(file, out);
    }

    /** Deletes the file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the tracing directory, and the file with it, is deleted when tracing stops
        }
    }
}
