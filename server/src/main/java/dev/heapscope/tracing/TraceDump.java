package dev.heapscope.tracing;

import java.time.Instant;
import java.util.List;

/**
 * What tracing held at one dump, heapscope's own allocations left out.
 *
 * @param settings              the settings tracing ran with
 * @param since                 when tracing started
 * @param dumpedAt              when the dump was taken (after the full GC that precedes it)
 * @param allocations           allocation samples since tracing started, summed by type, traceback and
 *                              site; complete however long tracing ran (they are summed as JFR writes
 *                              them, not re-read from the recording)
 * @param allocationSamples     JFR allocation events summed into {@code allocations}
 * @param allocationsOverflowed whether more distinct tracebacks came than the sums keep; the rest are
 *                              summed per type in entries with an empty stack
 * @param liveObjects           sampled objects alive after the GC, allocated within {@code liveWindow}
 * @param chainsIncluded        whether live objects carry reference chains
 * @param liveWindow            which objects the live samples can include
 * @param cost                  what the dump took
 * @param notes                 what a reader should know about these figures (empty when nothing)
 */
public record TraceDump(TracingSettings settings, Instant since, Instant dumpedAt, List<AllocationSample> allocations, long allocationSamples,
                        boolean allocationsOverflowed, List<LiveObjectSample> liveObjects, boolean chainsIncluded,
                        LiveSampleWindow liveWindow, DumpCost cost, List<String> notes) {

    public TraceDump {
        allocations = List.copyOf(allocations);
        liveObjects = List.copyOf(liveObjects);
        notes = List.copyOf(notes);
    }
}
