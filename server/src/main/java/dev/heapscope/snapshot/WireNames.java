package dev.heapscope.snapshot;

import dev.heapscope.HeapscopeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lower-case names callers use for heapscope's query enums, parsed in one place. */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant whose wire name is {@code value}, case-insensitively; {@code absent} when value is null.
     *
     * @throws HeapscopeException.BadRequest naming {@code what} and the accepted names otherwise
     */
    static <E extends Enum<E>> E parse(Class<E> type, String what, String value, E absent) {
        if (value == null) {
            return absent;
        }
        for (E e : type.getEnumConstants()) {
            if (of(e).equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new HeapscopeException.BadRequest(what + " '" + value + "' is unknown; use one of "
                + Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", ")));
    }
}
