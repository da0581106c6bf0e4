package dev.heapscope.tracing;

import java.time.Instant;

/**
 * Which objects a dump's live samples ({@code jdk.OldObjectSample}) can include.
 *
 * <p>JFR's live-object sampler is JVM-wide and keeps at most 256 objects by default; once that queue is
 * full of live objects it takes hardly any new ones. So after each dump heapscope restarts it (disables
 * and re-enables the event on its own recording), and each dump's samples are objects allocated since the
 * previous dump, alive at this one. It does not restart a sampler another recording uses too.
 *
 * @param enabled    whether tracing samples live objects ({@link TracingSettings#liveSampling()})
 * @param from       objects allocated before this are not among the samples: when tracing started, or
 *                   when heapscope restarted the sampler after the previous dump; null when not enabled
 * @param until      when the samples had been taken (the dump that emitted them had returned); objects
 *                   allocated later are not among them; null when not enabled
 * @param sharedWith the name of another running recording that samples live objects too, or null.
 *                   heapscope then leaves the sampler alone, so {@code from} stays at the start of
 *                   tracing, and once its queue is full objects allocated later are rarely sampled
 */
public record LiveSampleWindow(boolean enabled, Instant from, Instant until, String sharedWith) {

    /** Live sampling off. */
    public static final LiveSampleWindow DISABLED = new LiveSampleWindow(false, null, null, null);

    /** Whether another recording holds the sampler, so a full queue can hide new objects. */
    public boolean shared() {
        return sharedWith != null;
    }
}
