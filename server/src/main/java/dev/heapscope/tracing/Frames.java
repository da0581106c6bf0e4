package dev.heapscope.tracing;

import java.util.List;
import java.util.Optional;

/**
 * Which frames of a traceback belong to the program and which to the platform or to heapscope.
 * The top frames of an allocation are usually JDK internals ({@code HashMap.resize},
 * {@code Arrays.copyOf}); an allocation is attributed to its first frame outside them.
 */
public final class Frames {

    /** Packages of the JDK; their frames are never an allocation's site. */
    static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /**
     * heapscope's own code. Its allocations are left out of the samples. Only this package: heapscope's
     * end-to-end tests live in {@code dev.heapscope.e2e}, but their leak fixtures are in
     * {@code com.example.*} so that they are attributed like any host code.
     */
    static final String HEAPSCOPE_PREFIX = "dev.heapscope.";

    private Frames() {
    }

    /** Whether a frame is JDK code or heapscope's own, and so never an allocation's site. */
    public static boolean isInfrastructure(Frame frame) {
        return isJdk(frame) || frame.className().startsWith(HEAPSCOPE_PREFIX);
    }

    /** The allocation's site: the first frame, from the top, that is not {@link #isInfrastructure}. */
    public static Optional<Frame> siteOf(List<Frame> stack) {
        return stack.stream().filter(f -> !isInfrastructure(f)).findFirst();
    }

    /**
     * Whether an allocation with this stack is heapscope's own: its first frame outside the JDK is
     * heapscope code, or it has none (nothing to attribute it to).
     */
    static boolean isHeapscopeOwn(List<Frame> stack) {
        return stack.stream()
                .filter(f -> !isJdk(f))
                .findFirst()
                .map(f -> f.className().startsWith(HEAPSCOPE_PREFIX))
                .orElse(true);
    }

    private static boolean isJdk(Frame frame) {
        String name = frame.className();
        for (String prefix : JDK_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
