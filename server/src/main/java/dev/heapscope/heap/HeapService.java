package dev.heapscope.heap;

import dev.heapscope.HeapscopeException;
import dev.heapscope.OneAtATime;

/** Questions about the heap as it is now: the live class histogram. */
public final class HeapService {

    /** Histogram entries returned unless asked otherwise. */
    public static final int DEFAULT_LIMIT = 10;
    /** Histogram entries returned at most. */
    public static final int MAX_LIMIT = 10_000;

    private final HistogramReader histograms;
    private final OneAtATime heavy;

    public HeapService(HistogramReader histograms, OneAtATime heavy) {
        this.histograms = histograms;
        this.heavy = heavy;
    }

    /**
     * The live class histogram now, after a full GC, with its biggest {@code limit} classes.
     *
     * @throws HeapscopeException.BadRequest for a limit outside 1..{@value #MAX_LIMIT}
     * @throws HeapscopeException.Busy       when another heavy operation runs
     */
    public ClassHistogram histogram(Integer limit) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new HeapscopeException.BadRequest("limit " + n + " is out of range: use 1.." + MAX_LIMIT);
        }
        ClassHistogram full = heavy.run("class histogram", histograms::take);
        return new ClassHistogram(full.takenAt(), full.top(n), full.totalInstances(), full.totalBytes());
    }
}
