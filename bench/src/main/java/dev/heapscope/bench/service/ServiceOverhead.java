package dev.heapscope.bench.service;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What heapscope's tracing costs a service: {@link ServiceHost} in its own JVM under a fixed request rate
 * on loopback ({@link FixedRateLoad}), the tracing modes ({@code off}, {@code heapscope}, {@code jfr-both}, ...)
 * switched inside that one JVM in interleaved rounds (the order rotates every cycle), each round measured
 * for the service process's CPU time per request and the requests' latency percentiles.
 *
 * <p>Why CPU per request: at a fixed offered rate the service answers every request whatever tracing
 * costs (as long as it keeps up), so throughput shows nothing, and latency at a moderate load is mostly
 * scheduling and loopback, moving little with a 1% cost. The CPU the service process spends per request
 * (all its threads: Jetty's, GC, JIT, JFR's, heapscope's) is what tracing takes from the host's capacity,
 * and the kernel counts it per process, so the load generator sharing the cores and other processes do not
 * enter it directly, only through caches and frequency. A closed-loop throughput test on a 2-core box
 * where client and server share the CPUs measures the client's scheduling as much as the server.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.heapscope.bench.service.ServiceOverhead \
 *     [--rate 1000] [--connections 8] [--warmup 30] [--settle 5] [--round 20] [--cycles 5] \
 *     [--modes off,heapscope,jfr-both] [--server-jvm-args "-Xms512m -Xmx512m"]
 * </pre>
 */
public final class ServiceOverhead {

    private static final long REPLY_TIMEOUT_SECONDS = 60;

    private final Options options;
    private final PrintStream out = System.out;

    private ServiceOverhead(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new ServiceOverhead(Options.parse(args)).run();
    }

    private void run() throws Exception {
        out.printf("service overhead: %.0f requests/s on %d connections, warm-up %d s per mode, rounds of %d s (+%d s"
                        + " settling), %d cycles of %s; about %d s%n", options.rate, options.connections,
                options.warmup, options.round, options.settle, options.cycles, options.modes,
                options.estimatedSeconds());
        try (Host host = Host.start(options);
             FixedRateLoad load = new FixedRateLoad(host.port, options.rate, options.connections)) {
            load.start();
            warmUp(host, load);
            List<Round> rounds = new ArrayList<>();
            out.println("cycle mode              req/s  cpu-us/req  p50-ms  p99-ms  p99.9-ms  max-ms  gcs  errors");
            for (int cycle = 0; cycle < options.cycles; cycle++) {
                for (int i = 0; i < options.modes.size(); i++) {
                    String mode = options.modes.get((i + cycle) % options.modes.size());
                    Round round = measure(host, load, cycle, mode);
                    rounds.add(round);
                    out.println(round.row());
                }
            }
            new Summary(rounds, options.modes).print(out);
        }
    }

    /**
     * Every mode for {@code --warmup} seconds: each runs code of its own that the JIT must compile first
     * (heapscope's JFR reader, on the tracing-core branch, kept C2 busy for ~15 ms/s for half a minute).
     */
    private void warmUp(Host host, FixedRateLoad load) throws Exception {
        for (String mode : options.modes) {
            host.command("mode " + mode);
            TimeUnit.SECONDS.sleep(options.warmup);
        }
        load.next();
    }

    private Round measure(Host host, FixedRateLoad load, int cycle, String mode) throws Exception {
        host.command("mode " + mode);
        TimeUnit.SECONDS.sleep(options.settle);
        load.next();
        long[] before = host.cpu();
        TimeUnit.SECONDS.sleep(options.round);
        Window window = load.next();
        long[] after = host.cpu();
        return new Round(cycle, mode, window.latencies(), after[0] - before[0], after[1] - before[1]);
    }

    /** The service JVM, driven through its standard input and output. */
    private static final class Host implements AutoCloseable {
        private final Process process;
        private final Writer commands;
        private final BlockingQueue<String> replies = new ArrayBlockingQueue<>(16);
        private final Path log;
        final int port;

        private Host(Process process, Path log) throws Exception {
            this.process = process;
            this.log = log;
            this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::readReplies, "host-replies");
            reader.setDaemon(true);
            reader.start();
            this.port = Integer.parseInt(reply("port "));
        }

        static Host start(Options options) throws Exception {
            List<String> command = new ArrayList<>(List.of(options.java));
            command.addAll(options.serverJvmArgs);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceHost.class.getName()));
            Path log = Files.createTempFile("heapscope-service-", ".log");
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            return new Host(process, log);
        }

        void command(String line) throws Exception {
            commands.write(line + "\n");
            commands.flush();
            reply(line.split(" ")[0] + " ");
        }

        /** The service's CPU nanoseconds and GC count so far. */
        long[] cpu() throws Exception {
            commands.write("cpu\n");
            commands.flush();
            return Arrays.stream(reply("cpu ").split(" ")).mapToLong(Long::parseLong).toArray();
        }

        private String reply(String prefix) throws Exception {
            String line = replies.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null || !line.startsWith(prefix)) {
                throw new IllegalStateException("the service answered " + line + " instead of " + prefix.trim()
                        + "...; its log: " + log);
            }
            return line.substring(prefix.length()).trim();
        }

        private void readReplies() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("port ") || line.startsWith("mode ") || line.startsWith("cpu ")
                            || line.startsWith("unknown ") || line.startsWith("error ")) {
                        replies.put(line);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the service ended
            }
        }

        @Override
        public void close() throws Exception {
            commands.close();
            if (!process.waitFor(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    /** The command line. */
    record Options(double rate, int connections, long warmup, long settle, long round, int cycles,
                   List<String> modes, List<String> serverJvmArgs, String java) {

        static Options parse(String[] args) {
            double rate = 1000;
            int connections = 8;
            long warmup = 30;
            long settle = 5;
            long round = 20;
            int cycles = 5;
            List<String> modes = List.of("off", "heapscope", "jfr-both");
            List<String> jvmArgs = List.of("-Xms512m", "-Xmx512m");
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--warmup" -> warmup = Long.parseLong(value);
                    case "--settle" -> settle = Long.parseLong(value);
                    case "--round" -> round = Long.parseLong(value);
                    case "--cycles" -> cycles = Integer.parseInt(value);
                    case "--modes" -> modes = List.of(value.split(","));
                    case "--server-jvm-args" -> jvmArgs = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                    case "--java" -> java = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("every option takes a value: " + String.join(" ", args));
            }
            return new Options(rate, connections, warmup, settle, round, cycles, modes, jvmArgs, java);
        }

        long estimatedSeconds() {
            return (warmup + (long) cycles * (settle + round)) * modes.size() + 10;
        }
    }
}
