package example.admin;

import java.util.Locale;

/** tracemalloc's way of writing sizes (491 B, 2400 KiB, 12.3 MiB), so its users read the output at a glance. */
final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    static String size(long bytes) {
        return format(bytes, false);
    }

    static String signedSize(long bytes) {
        return format(bytes, true);
    }

    static String signed(long n) {
        return String.format(Locale.ROOT, "%+,d", n);
    }

    private static String format(long bytes, boolean sign) {
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
}
