package dev.heapscope.snapshot;

import dev.heapscope.tracing.DumpCost;
import java.time.Duration;

/**
 * Where the time of taking a snapshot went.
 *
 * @param histogram the class histogram, including the full GC it runs
 * @param tracing   the tracing dump's parts (its {@code dump} holds the reference-chain search when chains
 *                  were asked for), or null when tracing was off
 * @param roots     sizing the registered roots
 * @param total     the whole capture
 */
public record CaptureCost(Duration histogram, DumpCost tracing, Duration roots, Duration total) {
}
