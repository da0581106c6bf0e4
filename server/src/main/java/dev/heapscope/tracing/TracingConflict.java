package dev.heapscope.tracing;
public class TracingConflict extends IllegalStateException { public TracingConflict(String m) { super(m); } }
