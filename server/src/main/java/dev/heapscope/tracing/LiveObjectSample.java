package dev.heapscope.tracing;
import java.time.*; import java.util.*;
public record LiveObjectSample(String objectType, Instant allocationTime, Duration age, OptionalLong objectSizeBytes, int arrayElements, List<Frame> stack, ReferenceChain chain) {}
