package dev.heapscope.heap;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

/**
 * JOL's model of this VM, built so that JOL prints nothing into the host's output.
 *
 * <p>JOL's own {@code VM.current()} first looks for an {@code Instrumentation} (and with none, self-attaches
 * or prints {@code # WARNING: Unable to get Instrumentation}), then attaches the Serviceability Agent, a
 * separate process that ptrace-attaches to the host for 1 to 3 s (or prints {@code # WARNING: Unable to
 * attach Serviceability Agent}). Neither changes a size: the agent only yields object addresses, which
 * heapscope never uses, and Instrumentation's {@code getObjectSize} agrees with JOL's layout model. So this
 * builds exactly what {@code VM.current()} builds when both fail, {@code new HotspotUnsafe(unsafe,
 * instrumentation)}, without trying them, and installs it as JOL's instance. heapscope's JOL is relocated
 * in the isolated artifact and the agent, so the host's own JOL, if any, is not touched.
 *
 * <p>If JOL's internals differ from 0.17's, it falls back to {@code VM.current()} with both attach attempts
 * skipped by JOL's flags (set just around that call; a host that set them keeps its values); JOL then
 * prints its two warning lines.
 */
final class JolVm {

    private static final String[] SKIP_ATTACH_FLAGS = {"jol.skipDynamicAttach", "jol.skipHotspotSAAttach"};

    private JolVm() {
    }

    /**
     * Whether starting the walkers here prints nothing: from JDK 24 (JEP 498) the JVM warns, once, the first time
     * anything uses {@code sun.misc.Unsafe}'s memory access (JOL's model and heapscope's field reader do), unless
     * the JVM runs with {@code --sun-misc-unsafe-memory-access=allow}. A walk asked for by an operator may cost
     * that line; heapscope measuring its own memory in the background must not.
     */
    static boolean startsQuietly() {
        return Runtime.version().feature() < 24 || java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments().contains("--sun-misc-unsafe-memory-access=allow");
    }

    /** @param instrumentation the agent's, or null: JOL then computes sizes from its layout model */
    static VirtualMachine current(Instrumentation instrumentation) {
        synchronized (VM.class) {
            try {
                Field instance = VM.class.getDeclaredField("INSTANCE");
                instance.setAccessible(true);
                VirtualMachine existing = (VirtualMachine) instance.get(null);
                if (existing != null) {
                    return existing;
                }
                VirtualMachine quiet = hotspotUnsafe(instrumentation);
                instance.set(null, quiet);
                return quiet;
            } catch (ReflectiveOperationException | RuntimeException jolChanged) {
                return withAttachSkipped();
            }
        }
    }

    private static VirtualMachine hotspotUnsafe(Instrumentation instrumentation) throws ReflectiveOperationException {
        if (!System.getProperty("java.vm.name", "").contains("HotSpot")
                && !System.getProperty("java.vm.name", "").contains("OpenJDK")) {
            throw new IllegalStateException("JOL supports HotSpot/OpenJDK VMs only");
        }
        Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Class<?> hotspot = Class.forName(VM.class.getPackageName() + ".HotspotUnsafe", true, VM.class.getClassLoader());
        Constructor<?> constructor = hotspot.getDeclaredConstructor(sun.misc.Unsafe.class, Instrumentation.class);
        constructor.setAccessible(true);
        return (VirtualMachine) constructor.newInstance(theUnsafe.get(null), instrumentation);
    }

    private static VirtualMachine withAttachSkipped() {
        String[] previous = new String[SKIP_ATTACH_FLAGS.length];
        for (int i = 0; i < SKIP_ATTACH_FLAGS.length; i++) {
            previous[i] = System.getProperty(SKIP_ATTACH_FLAGS[i]);
            if (previous[i] == null) {
                System.setProperty(SKIP_ATTACH_FLAGS[i], "true");
            }
        }
        try {
            return VM.current();
        } finally {
            for (int i = 0; i < SKIP_ATTACH_FLAGS.length; i++) {
                if (previous[i] == null) {
                    System.clearProperty(SKIP_ATTACH_FLAGS[i]);
                }
            }
        }
    }
}
