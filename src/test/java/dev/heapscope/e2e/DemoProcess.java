package dev.heapscope.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM running the packaged demo or admin script from examples/target/heapscope-demo.jar (or, for
 * the agent's tests, the test host or heapscope-agent.jar's command line), its output (stdout and stderr
 * together) collected as it comes. Testing the fat jar rather than the classes catches what only packaging
 * breaks, such as Jersey's service files being overwritten.
 */
final class DemoProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("heapscope listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private DemoProcess(List<String> command) {
        this(command, Map.of());
    }

    private DemoProcess(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        reader = new Thread(this::collectOutput, "e2e-demo-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code java -jar heapscope-demo.jar args...} */
    static DemoProcess demo(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", demoJar().toString()));
        command.addAll(List.of(args));
        return new DemoProcess(command);
    }

    /**
     * {@code java jvmArgs... -cp <this test's class path> mainClass}, with extra environment variables:
     * a service built from the test classes (see {@link ChildService}).
     */
    static DemoProcess child(List<String> jvmArgs, Map<String, String> environment, String mainClass) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), mainClass));
        return new DemoProcess(command, environment);
    }

    /** {@code java -cp heapscope-demo.jar mainClass args...} */
    static DemoProcess run(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", demoJar().toString(), mainClass));
        command.addAll(List.of(args));
        return new DemoProcess(command);
    }

    /**
     * {@code java jvmArgs... -cp <this test's class path> mainClass args...}: a child JVM running test code
     * (the server's test fixtures), for a service whose heap no earlier test has shaped.
     */
    static DemoProcess testClass(List<String> jvmArgs, String mainClass, String... args) {
        List<String> command = new ArrayList<>(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return java(command);
    }

    /** Writes one line to the process's standard input and waits until it prints {@code done: <line>}. */
    void send(String line, Duration timeout) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the process", e);
        }
        Deadline.within(timeout).until("'" + line + "' to be done; output so far:\n" + output(),
                () -> output().contains("done: " + line));
    }

    /** {@code java args...} with the JVM running these tests. */
    static DemoProcess java(List<String> args) {
        return command(List.of(), args);
    }

    /** {@code prefix... java args...}, e.g. to run the JVM as another user. */
    static DemoProcess command(List<String> prefix, List<String> args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(java());
        command.addAll(args);
        return new DemoProcess(command);
    }

    /** Waits for the demo's listening line and returns the port it names. */
    int awaitPort(Duration timeout) {
        return Integer.parseInt(awaitLine(LISTENING, timeout).group(1));
    }

    /**
     * Waits until the output holds a match of {@code pattern}, and returns the first match.
     *
     * @throws AssertionError when the process exits or {@code timeout} passes first
     */
    Matcher awaitLine(Pattern pattern, Duration timeout) {
        return Deadline.await(pattern + "; output so far:\n" + output(), timeout, () -> {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process exited with " + process.exitValue() + ":\n" + output());
            }
            return null;
        });
    }

    long pid() {
        return process.pid();
    }

    /** The pid of a descendant whose command ends with {@code name} (the JVM a wrapper started), or null. */
    Long descendant(String name) {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/" + name)).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(null);
    }

    /** Writes one line to the process's standard input. */
    void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the child no longer reads its input:\n" + output(), e);
        }
    }

    /** Whether the process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit and for its last output, and returns its exit status. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + timeout.toSeconds() + " s:\n" + output());
            }
            // the process can be gone before its last lines are read
            reader.join(Duration.ofSeconds(5).toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends SIGTERM, as Ctrl-C or a service manager would (shutdown hooks run). */
    void terminate() {
        // not process.destroy(): on Unix it also closes our end of the pipes, and what the
        // shutdown hook prints would be lost
        process.toHandle().destroy();
    }

    /** Everything printed so far, stdout and stderr interleaved. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    private void collectOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed is kept
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path demoJar() {
        Path jar = Path.of(System.getProperty("heapscope.demo.jar", "../../examples/target/heapscope-demo.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar.toAbsolutePath() + " does not exist: build it first with"
                    + " `mvn -B verify` (or `mvn -B -pl examples -am package -DskipTests`)");
        }
        return jar;
    }
}
