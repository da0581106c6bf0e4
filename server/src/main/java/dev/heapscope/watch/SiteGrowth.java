package dev.heapscope.watch;

import dev.heapscope.tracing.Frame;
import dev.heapscope.tracing.Frames;
import dev.heapscope.tracing.LiveObjectSample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an allocation site gained between two watch snapshots: its live samples allocated after the previous
 * snapshot and still alive at this one. That reading holds whether JFR's live samples are every sampled
 * object still alive (JFR's queue, a few hundred, which stops taking new ones when it is full of live
 * objects) or only those allocated since the previous snapshot; it is kept in this one class so that it
 * can follow what the samples mean.
 */
final class SiteGrowth {

    private SiteGrowth() {
    }

    /** The key of a sample's site: {@code com/example/Store.java:42 byte[]}, or empty outside user code. */
    static Optional<String> key(LiveObjectSample sample) {
        Optional<Frame> site = Frames.siteOf(sample.stack());
        return site.map(frame -> frame.lineKey() + " " + sample.objectType());
    }

    /**
     * Counts, per site id, the samples allocated after {@code since} (all of them when null) into
     * {@code samples} and their sizes into {@code bytes}; returns whether every counted sample had a size.
     */
    static boolean count(List<LiveObjectSample> live, Instant since, NameTable sites, int[] samples, long[] bytes) {
        boolean sized = true;
        for (LiveObjectSample sample : live) {
            if (since != null && (sample.allocationTime() == null || !sample.allocationTime().isAfter(since))) {
                continue;
            }
            Optional<String> key = key(sample);
            if (key.isEmpty()) {
                continue;
            }
            int id = sites.idOf(key.get());
            if (id < 0 || id >= samples.length) {
                continue;
            }
            samples[id]++;
            if (sample.objectSizeBytes().isPresent()) {
                bytes[id] += sample.objectSizeBytes().getAsLong();
            } else {
                sized = false;
            }
        }
        return sized;
    }
}
