package dev.heapscope.tracing;

import dev.heapscope.DiagnosticCommands;
import com.example.leaky.StaticMapLeak;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Not a test: how long JFR's reference-chain search takes on a big live graph, for the cutoff choice in
 * NOTES.md. Run with {@code java -Xmx3g -cp target/classes:target/test-classes
 * dev.heapscope.tracing.ChainSearchMeasurement [millions of objects]}.
 */
public final class ChainSearchMeasurement {

    static Object[][] graph;

    public static void main(String[] args) throws Exception {
        int millions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        graph = build(millions * 1_000_000);
        DiagnosticCommands commands = new DiagnosticCommands();
        System.out.println("java " + System.getProperty("java.version") + ", " + millions + "M objects, heap used "
                + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20) + " MB");
        for (String cutoff : new String[] {"infinity", "10 s", "1 s", "100 ms"}) {
            for (String mode : new String[] {"cutoff", "path-to-gc-roots=true"}) {
                if (mode.startsWith("path") && !cutoff.equals("infinity")) {
                    continue;
                }
                run(commands, cutoff, mode.startsWith("path"));
            }
        }
        run(commands, "0 ns", false);
    }

    private static void run(DiagnosticCommands commands, String cutoff, boolean pathToGcRootsTrue) throws Exception {
        Path file = Files.createTempFile("chain-search", ".jfr");
        try (Recording recording = new Recording()) {
            recording.setName("chain-search-" + System.nanoTime());
            recording.enable("jdk.OldObjectSample").withStackTrace().with("cutoff", cutoff);
            recording.setToDisk(true);
            recording.start();
            StaticMapLeak.leak(10_000);
            commands.gcRun();
            long start = System.nanoTime();
            if (pathToGcRootsTrue) {
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "jfrDump",
                        new Object[] {new String[] {"name=" + recording.getName(), "filename=" + file,
                                "path-to-gc-roots=true"}},
                        new String[] {String[].class.getName()});
            } else {
                commands.jfrDump(recording.getName(), file, true);
            }
            long dumpMillis = (System.nanoTime() - start) / 1_000_000;
            int samples = 0;
            int rooted = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (e.getEventType().getName().equals("jdk.OldObjectSample")) {
                    samples++;
                    rooted += e.getValue("root") != null ? 1 : 0;
                }
            }
            if (!Boolean.getBoolean("keepEnabledAtStop")) {
                recording.disable("jdk.OldObjectSample");
            }
            long stopStart = System.nanoTime();
            recording.stop();
            System.out.printf("%-22s jfrDump %5d ms, old-object samples %3d, with root %3d, stop %d ms%n",
                    pathToGcRootsTrue ? "path-to-gc-roots=true" : "cutoff " + cutoff, dumpMillis, samples, rooted,
                    (System.nanoTime() - stopStart) / 1_000_000);
        } finally {
            Files.deleteIfExists(file);
            StaticMapLeak.release();
        }
    }

    private static Object[][] build(int objects) {
        // many small arrays of small objects: a graph the breadth-first search must walk
        int perArray = 100;
        Object[][] arrays = new Object[objects / perArray][];
        for (int i = 0; i < arrays.length; i++) {
            Object[] array = new Object[perArray];
            for (int j = 0; j < perArray; j++) {
                array[j] = new int[1];
            }
            arrays[i] = array;
        }
        return arrays;
    }
}
