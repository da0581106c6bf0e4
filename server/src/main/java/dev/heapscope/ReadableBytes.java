package dev.heapscope;

import java.util.Locale;

/** Byte counts for people: {@code 1.5 GiB}, {@code 512 MiB}, {@code 800 KiB}, {@code 12 B}; negative with a minus. */
public final class ReadableBytes {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;

    private ReadableBytes() {
    }

    public static String of(long bytes) {
        long abs = Math.abs(bytes);
        if (abs >= GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
        }
        if (abs >= 10 * MIB) {
            return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) MIB);
        }
        if (abs >= MIB) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
        }
        if (abs >= KIB) {
            return String.format(Locale.ROOT, "%.0f KiB", bytes / (double) KIB);
        }
        return bytes + " B";
    }
}
