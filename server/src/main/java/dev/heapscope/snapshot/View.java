package dev.heapscope.snapshot;

import dev.heapscope.HeapscopeException;
import java.util.Locale;

/** Which memory statistics look at: what was allocated since tracing started, or what is alive. */
public enum View {
    /** JFR allocation samples since tracing started; bytes estimated from the samples' weights. */
    ALLOCATED,
    /** Objects alive at the snapshot, after a full GC: sampled objects by site, exact histogram by type. */
    LIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively; null means {@code allocated}. */
    public static View parse(String value) {
        if (value == null) {
            return ALLOCATED;
        }
        for (View v : values()) {
            if (v.wireName().equalsIgnoreCase(value.trim())) {
                return v;
            }
        }
        throw new HeapscopeException.BadRequest("view '" + value + "' is unknown; use allocated or live");
    }
}
