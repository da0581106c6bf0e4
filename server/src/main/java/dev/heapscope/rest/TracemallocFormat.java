package dev.heapscope.rest;

import java.util.Locale;

/** tracemalloc's number formats ({@code _format_size}), so its users read heapscope at a glance. */
final class TracemallocFormat {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private TracemallocFormat() {
    }

    /** 2400 KiB, 12.3 MiB, 491 B; with a sign: +2400 KiB, -12.3 MiB. */
    static String size(long bytes, boolean sign) {
        double size = bytes;
        for (String unit : UNITS) {
            if (Math.abs(size) < 100 && !unit.equals("B")) {
                return String.format(Locale.ROOT, sign ? "%+.1f %s" : "%.1f %s", size, unit);
            }
            if (Math.abs(size) < 10 * 1024 || unit.equals("TiB")) {
                return String.format(Locale.ROOT, sign ? "%+.0f %s" : "%.0f %s", size, unit);
            }
            size /= 1024;
        }
        throw new AssertionError("unreachable");
    }

    static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }
}
