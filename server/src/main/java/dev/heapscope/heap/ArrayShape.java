package dev.heapscope.heap;

import org.openjdk.jol.vm.VirtualMachine;

/**
 * JOL's model of this VM's object sizes, behind one small class: array base offsets and element
 * scales, the object alignment, and the size of a plain instance.
 */
final class ArrayShape {

    private final VirtualMachine vm;
    private final long alignmentMask;
    private final long objectArrayBase;

    ArrayShape(VirtualMachine vm) {
        this.vm = vm;
        this.alignmentMask = vm.objectAlignment() - 1L;
        this.objectArrayBase = base(Object[].class);
    }

    /** JOL's model without an Instrumentation (sizes from its layout model). */
    static ArrayShape current() {
        return current(null);
    }

    /** JOL's model, quietly built (see {@link JolVm}); {@code instrumentation} may be null. */
    static ArrayShape current(java.lang.instrument.Instrumentation instrumentation) {
        return new ArrayShape(JolVm.current(instrumentation));
    }

    long base(Class<?> arrayType) {
        return vm.arrayBaseOffset(componentName(arrayType));
    }

    long scale(Class<?> arrayType) {
        return vm.arrayIndexScale(componentName(arrayType));
    }

    /**
     * Whether references are stored as 32-bit compressed oops ({@code -XX:+UseCompressedOops}, the default
     * below 32 GB of heap).
     */
    boolean compressedReferences() {
        return scale(Object[].class) == Integer.BYTES;
    }

    /** Offset of element {@code index} of an {@code Object[]}. */
    long elementOffset(int index) {
        return objectArrayBase + (long) index * Integer.BYTES;
    }

    /** The object alignment in bytes (8 unless {@code -XX:ObjectAlignmentInBytes} says otherwise). */
    long objectAlignment() {
        return alignmentMask + 1;
    }

    long align(long size) {
        return (size + alignmentMask) & ~alignmentMask;
    }

    long sizeOfInstance(Object o) {
        return vm.sizeOf(o);
    }

    private static String componentName(Class<?> arrayType) {
        Class<?> component = arrayType.getComponentType();
        // JOL keys array geometry by the component's name; every reference array shares "Object"'s.
        return component.isPrimitive() ? component.getName() : Object.class.getName();
    }
}
