package dev.heapscope.tracing;
public record Hop(String holderType, String field, Integer arrayIndex, int skippedBefore) {}
