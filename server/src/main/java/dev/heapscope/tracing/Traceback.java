package dev.heapscope.tracing;

import java.util.List;

/**
 * One allocation traceback as the running sums key it: its frames cut to the tracing depth, the site
 * found on the whole stack, and whether it is heapscope's own. Immutable; the hash is computed once,
 * because every allocation sample looks its traceback up.
 */
final class Traceback {

    /** Where samples go once the sums hold their bound of distinct tracebacks: one per type. */
    static final Traceback OVERFLOW = new Traceback(List.of(), null, false);

    final List<Frame> frames;
    final Frame site;
    final boolean heapscopeOwn;
    private final int hash;

    Traceback(List<Frame> frames, Frame site, boolean heapscopeOwn) {
        this.frames = List.copyOf(frames);
        this.site = site;
        this.heapscopeOwn = heapscopeOwn;
        this.hash = this.frames.hashCode() * 31 + (site == null ? 0 : site.hashCode());
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Traceback t && t.hash == hash && t.frames.equals(frames)
                && java.util.Objects.equals(t.site, site);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
