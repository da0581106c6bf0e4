package dev.heapscope.jmx;

import java.time.Instant;

/** Instants as JMX shows them: ISO-8601 UTC strings, which every console renders and sorts. */
final class Times {

    private Times() {
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
