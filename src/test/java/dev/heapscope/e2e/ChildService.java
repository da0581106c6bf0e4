package dev.heapscope.e2e;

import dev.heapscope.Heapscope;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A service run in a child JVM with heapscope embedded, for what must not happen in the test's own JVM:
 * a heap filled to 90%, JFR switched off, no temp directory. It prints the demo's listening line, then
 * obeys commands on stdin, one per line, answering each on stdout:
 * {@code fill <percent>}, {@code free}, {@code ping}, {@code exit}.
 * {@code -Dchild.tokenEnv=NAME} makes heapscope read its access token from that environment variable.
 */
public final class ChildService {

    // small enough that G1's 1 MB regions fill without waste: the heap's "used" can then reach ~100%
    private static final int CHUNK = 32 * 1024;

    private ChildService() {
    }

    public static void main(String[] args) throws Exception {
        Heapscope.Builder builder = Heapscope.builder().port(0).jmx(false);
        String tokenEnv = System.getProperty("child.tokenEnv");
        if (tokenEnv != null) {
            builder.accessTokenFromEnv(tokenEnv);
        }
        List<byte[]> held = new ArrayList<>();
        List<Object> root = new ArrayList<>(List.of("a", "b", "c"));
        try (Heapscope heapscope = builder.start()) {
            heapscope.register("root", root);
            System.out.println("heapscope listening on " + heapscope.uri());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] command = line.trim().split(" ");
                switch (command[0]) {
                    case "fill" -> System.out.println("filled " + fill(held, Integer.parseInt(command[1])) + "%");
                    case "free" -> {
                        held.clear();
                        System.gc();
                        System.out.println("freed " + percentUsed() + "%");
                    }
                    case "ping" -> System.out.println("pong " + new byte[1024].length + " " + root.size());
                    case "exit" -> {
                        return;
                    }
                    default -> System.out.println("unknown command " + line);
                }
            }
        }
    }

    /** Holds chunks until the heap after a full GC is at least {@code percent} full; returns the fill. */
    private static int fill(List<byte[]> held, int percent) {
        System.gc();
        while (percentUsed() < percent) {
            for (int i = 0; i < 32; i++) {
                held.add(new byte[CHUNK]);
            }
            System.gc();
        }
        return percentUsed();
    }

    private static int percentUsed() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return (int) (100 * heap.getUsed() / heap.getMax());
    }
}
