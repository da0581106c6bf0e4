package dev.heapscope.heap;

/** Translates {@link WalkOptions#boundaries()} into the {@link ClassInfo#kind} bits to skip. */
final class Boundaries {

    private Boundaries() {
    }

    static int excludedKinds(WalkOptions options) {
        int mask = 0;
        for (Boundary b : options.boundaries()) {
            if (b != Boundary.REFERENCE_REFERENTS) {
                mask |= 1 << b.ordinal();
            }
        }
        return mask;
    }
}
