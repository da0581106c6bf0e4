package dev.heapscope.snapshot;

/** Which memory statistics look at: what was allocated since tracing started, or what is alive. */
public enum View {
    /** JFR allocation samples since tracing started; bytes estimated from the samples' weights. */
    ALLOCATED,
    /** Objects alive at the snapshot, after a full GC: sampled objects by site, exact histogram by type. */
    LIVE;

    /** The wire name: lower case, as REST and JMX show it. */
    @Override
    public String toString() {
        return WireNames.of(this);
    }

    /**
     * Parses a wire name, case-insensitively; null means {@code allocated}.
     *
     * @throws dev.heapscope.HeapscopeException.BadRequest for an unknown name
     */
    public static View parse(String value) {
        return WireNames.parse(View.class, "view", value, ALLOCATED);
    }
}
