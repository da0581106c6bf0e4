package dev.heapscope.snapshot;

/** What statistics are grouped by (tracemalloc's key_type, plus the allocated type). */
public enum GroupBy {
    LINE, METHOD, FILE, TYPE, TRACEBACK,
    /** Registered roots by deep size (deep bytes and object count, exact per JOL's model). */
    ROOT;

    /** The wire name: lower case, as REST and JMX show it. */
    @Override
    public String toString() {
        return WireNames.of(this);
    }

    /**
     * Parses a wire name, case-insensitively; null means {@code line}.
     *
     * @throws dev.heapscope.HeapscopeException.BadRequest for an unknown name
     */
    public static GroupBy parse(String value) {
        return WireNames.parse(GroupBy.class, "groupBy", value, LINE);
    }
}
