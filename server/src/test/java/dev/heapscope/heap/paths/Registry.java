package dev.heapscope.heap.paths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A singleton shaped like a service's cache, for roots named by a field path. */
public final class Registry {

    public static final Registry INSTANCE = new Registry();
    public static Registry missing;

    private final Map<String, List<byte[]>> sessions = new HashMap<>();
    private final Holder holder = new Holder();
    private final Holder empty = null;
    private final int count = 3;

    private Registry() {
        sessions.put("a", new ArrayList<>(List.of(new byte[100], new byte[200])));
    }

    /** A nested object, for paths of more than two steps. */
    public static final class Holder {
        private final List<String> names = new ArrayList<>(List.of("x", "y"));
    }
}
