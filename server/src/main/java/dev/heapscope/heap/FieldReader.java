package dev.heapscope.heap;

import java.lang.reflect.Field;
import org.openjdk.jol.vm.VM;

/**
 * The one place that reads reference fields of arbitrary objects, JDK internals included.
 *
 * <p>Why {@code sun.misc.Unsafe}: reading {@code HashMap.table} needs either {@code --add-opens}
 * from the user (VarHandles through {@code privateLookupIn} fail without it) or an
 * {@code Instrumentation} (an agent, or a self-attach that needs a JVM flag and prints a warning on
 * JDK 21+). {@code sun.misc.Unsafe} works on JDK 17 through 25 with no flag; from JDK 24 its first
 * memory-access call prints a one-time warning (see NOTES.md). JOL, which heapscope needs for
 * its layout model, calls the same methods, so this adds no new warning.
 *
 * <p>{@code objectFieldOffset} refuses fields of records and hidden classes (JDK 15+); for those
 * JOL's own offset probe is used.
 */
final class FieldReader {

    @SuppressWarnings("removal")
    private final sun.misc.Unsafe unsafe;

    private FieldReader(sun.misc.Unsafe unsafe) {
        this.unsafe = unsafe;
    }

    /** @throws IllegalStateException if {@code sun.misc.Unsafe} is not available in this runtime */
    static FieldReader create() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return new FieldReader((sun.misc.Unsafe) f.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("sun.misc.Unsafe is not available: " + e, e);
        }
    }

    /**
     * Offset of an instance field, or -1 if this VM refuses to tell it (the field is then not
     * followed; JOL's walker would fail on it in the same way).
     */
    @SuppressWarnings("removal")
    long offsetOf(Field field) {
        try {
            return unsafe.objectFieldOffset(field);
        } catch (UnsupportedOperationException recordOrHiddenClass) {
            try {
                return VM.current().fieldOffset(field);
            } catch (RuntimeException unknown) {
                return -1;
            }
        }
    }

    /**
     * The value of a static reference field, read without initialising its class: heapscope never runs the
     * host's static initialisers (a class the JVM loaded but did not initialise yet reads as null). Records'
     * and hidden classes' statics, which {@code Unsafe} refuses, are read by reflection.
     *
     * @throws IllegalStateException when neither way can read it (a field of a module closed to heapscope)
     */
    @SuppressWarnings("removal")
    Object readStatic(Field field) {
        try {
            return unsafe.getObject(unsafe.staticFieldBase(field), unsafe.staticFieldOffset(field));
        } catch (UnsupportedOperationException recordOrHiddenClass) {
            if (!field.trySetAccessible()) {
                throw new IllegalStateException("static field " + field.getName() + " of "
                        + field.getDeclaringClass().getName() + " cannot be read");
            }
            try {
                return field.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** The reference stored at {@code offset} in {@code holder}; the offset must come from {@link #offsetOf}. */
    @SuppressWarnings("removal")
    Object read(Object holder, long offset) {
        return unsafe.getObject(holder, offset);
    }

    /**
     * The raw 32-bit compressed reference stored at {@code offset} in {@code holder} (0 for null): a key
     * that tells objects apart until the next garbage collection moves them. Only where references take
     * 4 bytes ({@link ArrayShape#compressedReferences()}).
     */
    @SuppressWarnings("removal")
    int narrow(Object holder, long offset) {
        return unsafe.getInt(holder, offset);
    }
}
