package dev.heapscope.heap;

import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

/**
 * JOL's model of this VM's object sizes, behind one small class: array base offsets and element
 * scales, the object alignment, and the size of a plain instance.
 */
final class ArrayShape {

    private final VirtualMachine vm;
    private final long alignmentMask;

    ArrayShape(VirtualMachine vm) {
        this.vm = vm;
        this.alignmentMask = vm.objectAlignment() - 1L;
    }

    static ArrayShape current() {
        return new ArrayShape(quietVm());
    }

    /**
     * JOL's model, initialised without its two attach attempts into the host JVM: a self-attach to
     * get an {@code Instrumentation} (fails unless the host runs with
     * {@code -Djdk.attach.allowAttachSelf}; if it succeeds it loads an agent into the host), and a
     * Serviceability Agent process that ptrace-attaches to the host (1.2 to 2.8 s here). Neither
     * changes a size: the agent only yields object addresses, which heapscope never uses. JOL reads
     * both flags once, at its first {@code VM.current()}, so they are set just around that call and
     * then restored; a host that set them itself keeps its values. JOL still prints one line per
     * skipped attach to {@code System.out} ({@code # WARNING: Unable to get Instrumentation...});
     * no flag silences that.
     */
    private static VirtualMachine quietVm() {
        synchronized (ArrayShape.class) {
            String[] flags = {"jol.skipDynamicAttach", "jol.skipHotspotSAAttach"};
            String[] previous = new String[flags.length];
            for (int i = 0; i < flags.length; i++) {
                previous[i] = System.getProperty(flags[i]);
                if (previous[i] == null) {
                    System.setProperty(flags[i], "true");
                }
            }
            try {
                return VM.current();
            } finally {
                for (int i = 0; i < flags.length; i++) {
                    if (previous[i] == null) {
                        System.clearProperty(flags[i]);
                    }
                }
            }
        }
    }

    long base(Class<?> arrayType) {
        return vm.arrayBaseOffset(componentName(arrayType));
    }

    long scale(Class<?> arrayType) {
        return vm.arrayIndexScale(componentName(arrayType));
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
