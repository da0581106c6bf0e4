package dev.heapscope.tracing;
public record GcRoot(String kind, String description) {}
