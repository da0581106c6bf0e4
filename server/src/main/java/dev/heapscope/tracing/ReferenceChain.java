package dev.heapscope.tracing;
import java.util.List;
public record ReferenceChain(List<Hop> hops, GcRoot root, boolean truncated) {}
