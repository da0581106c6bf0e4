package dev.heapscope;

/**
 * The one check for a number a caller sends (a limit, a depth, a budget): absent takes its default,
 * out of range is a {@link HeapscopeException.BadRequest} that names the parameter and its range.
 */
public final class Ranges {

    private Ranges() {
    }

    /**
     * {@code value}, or {@code defaultValue} when it is null, if within {@code min..max}.
     *
     * @throws HeapscopeException.BadRequest naming {@code what} otherwise
     */
    public static long require(String what, Long value, long defaultValue, long min, long max) {
        long v = value == null ? defaultValue : value;
        if (v < min || v > max) {
            throw new HeapscopeException.BadRequest(what + " " + v + " is out of range: use " + min + ".." + max);
        }
        return v;
    }

    /** As {@link #require(String, Long, long, long, long)} for an int. */
    public static int require(String what, Integer value, int defaultValue, int min, int max) {
        return (int) require(what, value == null ? null : value.longValue(), defaultValue, min, max);
    }
}
