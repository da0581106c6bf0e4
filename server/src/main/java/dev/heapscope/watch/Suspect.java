package dev.heapscope.watch;

import java.util.Objects;

/**
 * A type or an allocation site whose live size grew steadily over the watch's window.
 *
 * @param key              the type ({@code java.util.HashMap$Node}) or the site and type
 *                         ({@code com/example/Store.java:42 byte[]})
 * @param kind             {@code type} (exact, from the class histograms) or {@code site} (from live samples)
 * @param bytesPerHour     growth of its live bytes per hour: a least-squares slope for types; for sites the
 *                         new samples' own sizes per hour, or null where the JVM reports no sizes (JDK 17)
 * @param countPerHour     types: live instances per hour (least squares); sites: new live samples per hour
 * @param currentBytes     types: live bytes at the last snapshot; sites: the new samples' bytes over the
 *                         window, or null where unknown
 * @param currentCount     types: live instances at the last snapshot; sites: new samples over the window
 * @param growingIntervals intervals in which it grew (sites: gained live samples)
 * @param intervals        intervals judged
 */
public record Suspect(String key, Kind kind, Long bytesPerHour, double countPerHour, Long currentBytes,
                      long currentCount, int growingIntervals, int intervals) {

    /** What a suspect is. */
    public enum Kind { TYPE, SITE;

        public String wireName() {
            return this == TYPE ? "type" : "site";
        }
    }

    public Suspect {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }

    /** growingIntervals / intervals: 1.0 when it grew in every interval. */
    public double consistency() {
        return intervals == 0 ? 0 : (double) growingIntervals / intervals;
    }
}
