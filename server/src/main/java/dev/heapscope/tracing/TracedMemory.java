package dev.heapscope.tracing;

/**
 * Heap memory in use now and at its peak, summed over the heap memory pools (the JVM's
 * {@code tracemalloc.get_traced_memory()}); exact figures from {@code MemoryPoolMXBean}.
 *
 * @param currentBytes bytes used in the heap pools now
 * @param peakBytes    the sum of each heap pool's peak since the JVM started or the last reset
 */
public record TracedMemory(long currentBytes, long peakBytes) {
}
