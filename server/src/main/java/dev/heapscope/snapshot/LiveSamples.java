package dev.heapscope.snapshot;

import dev.heapscope.tracing.LiveObjectSample;
import dev.heapscope.tracing.LiveSampleWindow;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot's live sampled objects ({@code jdk.OldObjectSample}) and which objects they can include.
 *
 * @param available         whether the snapshot has live samples at all: false when tracing was off or
 *                          ran with live sampling off, and then the live views by site and the leak
 *                          reports have nothing to show (never "no leak")
 * @param unavailableReason why not, or null when available
 * @param window            which objects the samples can include
 * @param chainsIncluded    whether the samples carry reference chains (a snapshot can skip the search)
 * @param objects           the samples, alive after the snapshot's full GC
 */
public record LiveSamples(boolean available, String unavailableReason, LiveSampleWindow window,
                          boolean chainsIncluded, List<LiveObjectSample> objects) {

    public LiveSamples {
        Objects.requireNonNull(window, "window");
        objects = List.copyOf(objects);
        if (available == (unavailableReason != null)) {
            throw new IllegalArgumentException("a reason is given exactly when live samples are unavailable");
        }
    }

    /** No live samples, for the reason given. */
    public static LiveSamples unavailable(String reason) {
        return new LiveSamples(false, reason, LiveSampleWindow.DISABLED, false, List.of());
    }
}
