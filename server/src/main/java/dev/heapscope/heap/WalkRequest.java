package dev.heapscope.heap;

import dev.heapscope.Ranges;
import dev.heapscope.HeapscopeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A caller's bounds for one graph walk, validated against the server's maxima and turned into
 * {@link WalkOptions}. Null values take the defaults.
 */
public final class WalkRequest {

    /** The most objects one request may ask a walk to visit. */
    public static final long SERVER_MAX_OBJECTS = 50_000_000L;
    /** The longest time budget one request may ask for. */
    public static final long SERVER_MAX_TIME_LIMIT_MS = 60_000L;

    private WalkRequest() {
    }

    /**
     * @param maxObjects  objects to visit at most, 1..{@value #SERVER_MAX_OBJECTS} (null: 5,000,000)
     * @param timeLimitMs time budget in ms, 1..{@value #SERVER_MAX_TIME_LIMIT_MS} (null: 10,000)
     * @param follow      comma-separated boundaries to cross: {@code referents}, {@code classes},
     *                    {@code classLoaders}, {@code threads}, or {@code all} / {@code none} (null: none)
     * @throws HeapscopeException.BadRequest naming the value that is out of range or unknown
     */
    public static WalkOptions options(Long maxObjects, Long timeLimitMs, String follow) {
        long objects = Ranges.require("maxObjects", maxObjects, WalkOptions.DEFAULT_MAX_OBJECTS, 1,
                SERVER_MAX_OBJECTS);
        long ms = Ranges.require("timeLimitMs", timeLimitMs, WalkOptions.DEFAULT_TIME_LIMIT.toMillis(), 1,
                SERVER_MAX_TIME_LIMIT_MS);
        return new WalkOptions(objects, Duration.ofMillis(ms), boundaries(follow));
    }

    /** The boundaries left after crossing those named in {@code follow}. */
    static Set<Boundary> boundaries(String follow) {
        EnumSet<Boundary> kept = EnumSet.allOf(Boundary.class);
        if (follow == null || follow.isBlank() || follow.trim().equalsIgnoreCase("none")) {
            return kept;
        }
        for (String part : follow.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "all" -> kept.clear();
                case "referents" -> kept.remove(Boundary.REFERENCE_REFERENTS);
                case "classes" -> kept.remove(Boundary.CLASSES);
                case "classloaders" -> kept.remove(Boundary.CLASS_LOADERS);
                case "threads" -> kept.remove(Boundary.THREADS);
                default -> throw new HeapscopeException.BadRequest("follow '" + part.trim()
                        + "' is unknown; use referents, classes, classLoaders, threads, all or none");
            }
        }
        return kept;
    }

    /** The wire names of the boundaries a walk kept (what it did not follow). */
    public static java.util.List<String> describe(Set<Boundary> boundaries) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Boundary b : boundaries) {
            names.add(switch (b) {
                case REFERENCE_REFERENTS -> "referents";
                case CLASSES -> "classes";
                case CLASS_LOADERS -> "classLoaders";
                case THREADS -> "threads";
            });
        }
        return names;
    }
}
