package dev.heapscope.heap;

import dev.heapscope.Ranges;
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
    private volatile ClassLayouts layouts;

    public HeapService(HistogramReader histograms, OneAtATime heavy) {
        this.histograms = histograms;
        this.heavy = heavy;
    }

    /**
     * The live class histogram now, after a full GC, with its biggest {@code limit} classes.
     *
     * @throws HeapscopeException.BadRequest for a limit outside 1..{@value #MAX_LIMIT}
     * @throws HeapscopeException.Busy       when another heavy operation runs
     * @throws HeapscopeException.Unavailable when the heap is too full to take it (with a retry delay)
     */
    public ClassHistogram histogram(Integer limit) {
        int n = Ranges.require("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        ClassHistogram full = heavy.run("a class histogram", HistogramReader.estimatedBytes(), true, histograms::take);
        return new ClassHistogram(full.takenAt(), full.top(n), full.totalInstances(), full.totalBytes());
    }

    /**
     * The field layout of a class as this JVM lays it out (JOL's ClassLayout): header, fields with
     * offsets and sizes, gaps and alignment padding.
     *
     * @param className a binary name, e.g. {@code java.util.HashMap$Node}, or an array type such as
     *                  {@code byte[]}
     * @throws HeapscopeException.BadRequest when the name is missing or a primitive type
     * @throws HeapscopeException.NotFound  when no class of that name can be loaded
     */
    public ClassLayoutView layout(String className) {
        if (className == null || className.isBlank()) {
            throw new HeapscopeException.BadRequest("class is required, e.g. class=java.util.HashMap");
        }
        String name = className.trim();
        Class<?> type = ClassLayouts.loadable(TypeNames.binaryName(name), Thread.currentThread().getContextClassLoader(),
                        ClassLoader.getSystemClassLoader(), HeapService.class.getClassLoader())
                .orElseThrow(() -> new HeapscopeException.NotFound("no class named '" + name
                        + "' can be loaded here; use the binary name, e.g. java.util.HashMap$Node"));
        try {
            return layouts().describe(type);
        } catch (IllegalArgumentException e) {
            throw new HeapscopeException.BadRequest("no layout for '" + name + "': " + e.getMessage());
        }
    }

    /** Created on first use: JOL's VM model loads classes and may print a line, so only when asked. */
    private ClassLayouts layouts() {
        ClassLayouts l = layouts;
        if (l == null) {
            synchronized (this) {
                if (layouts == null) {
                    layouts = new ClassLayouts();
                }
                l = layouts;
            }
        }
        return l;
    }
}
