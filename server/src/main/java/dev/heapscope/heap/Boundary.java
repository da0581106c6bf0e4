package dev.heapscope.heap;

/**
 * Kinds of objects a walk stops at. An object stopped at is neither counted nor entered.
 *
 * <p>They exist because a root usually reaches far more than it "owns": one {@code Class}
 * reference leads to its class loader and from there to every class it loaded; one
 * {@code Thread} leads to its thread group and every other thread.
 */
public enum Boundary {
    /**
     * Do not follow {@code java.lang.ref.Reference.referent} (weak, soft, phantom and final
     * references): the referent is not owned by the reference holder. The {@code Reference}
     * object itself, and its other fields ({@code queue}, {@code next}), are still counted.
     */
    REFERENCE_REFERENTS,
    /** Do not count or enter {@code java.lang.Class} objects (class mirrors). */
    CLASSES,
    /** Do not count or enter {@code java.lang.ClassLoader} instances (any subclass). */
    CLASS_LOADERS,
    /** Do not count or enter {@code java.lang.Thread} instances (any subclass). */
    THREADS
}
