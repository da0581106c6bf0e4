package dev.heapscope.tracing;
import java.util.*;
public final class Frames {
    public static boolean isInfrastructure(Frame f) { return f.className().startsWith("java.") || f.className().startsWith("dev.heapscope."); }
    public static Optional<Frame> siteOf(List<Frame> stack) { return stack.stream().filter(f -> !isInfrastructure(f)).findFirst(); }
}
