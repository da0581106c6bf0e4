package dev.heapscope.snapshot;

import dev.heapscope.HeapscopeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What statistics are grouped by (tracemalloc's key_type, plus the allocated type). */
public enum GroupBy {
    LINE, METHOD, FILE, TYPE, TRACEBACK,
    /** Registered roots by deep size (deep bytes and object count, exact per JOL's model). */
    ROOT;

    /** The wire name: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively; null means {@code line}. */
    public static GroupBy parse(String value) {
        if (value == null) {
            return LINE;
        }
        for (GroupBy g : values()) {
            if (g.wireName().equalsIgnoreCase(value.trim())) {
                return g;
            }
        }
        throw new HeapscopeException.BadRequest("groupBy '" + value + "' is unknown; use one of "
                + Arrays.stream(values()).map(GroupBy::wireName).collect(Collectors.joining(", ")));
    }
}
