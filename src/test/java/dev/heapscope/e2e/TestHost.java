package dev.heapscope.e2e;

import dev.heapscope.client.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's test host (src/test/host): a JVM on Jetty 9.4, Jersey 2 and Jackson 2.12, run from its own
 * jar and libraries, with its own endpoint under /host, and heapscope-agent.jar to load into it.
 */
final class TestHost implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Pattern HOST_LISTENING = Pattern.compile("host listening on (\\d+)");
    static final Pattern HEAPSCOPE_LISTENING = Pattern.compile("heapscope listening on (http://127\\.0\\.0\\.1:\\d+)");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final DemoProcess process;
    final int port;

    private TestHost(DemoProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the host app with these JVM options (e.g. {@code -javaagent:...}) and waits for its endpoint. */
    static TestHost start(String... jvmOptions) {
        DemoProcess process = run("com.example.host.HostApp", jvmOptions);
        try {
            int port = Integer.parseInt(process.awaitLine(HOST_LISTENING, START_TIMEOUT).group(1));
            return new TestHost(process, port);
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /** Starts the smallest host (prints {@code idle}, then waits) with these JVM options. */
    static DemoProcess idle(String... jvmOptions) {
        return idleAs(List.of(), jvmOptions);
    }

    /** The smallest host, run through {@code prefix} (e.g. {@code runuser -u nobody --}). */
    static DemoProcess idleAs(List<String> prefix, String... jvmOptions) {
        DemoProcess process = DemoProcess.command(prefix, arguments("com.example.host.Idle", jvmOptions));
        process.awaitLine(Pattern.compile("(?m)^idle$"), START_TIMEOUT);
        return process;
    }

    private static DemoProcess run(String mainClass, String... jvmOptions) {
        return DemoProcess.java(arguments(mainClass, jvmOptions));
    }

    private static List<String> arguments(String mainClass, String... jvmOptions) {
        Path dir = Path.of(System.getProperty("heapscope.host.dir", "host/target"));
        Path jar = dir.resolve("heapscope-test-host-" + version() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar.toAbsolutePath() + " does not exist: build it with `mvn -B verify`");
        }
        List<String> args = new ArrayList<>(List.of(jvmOptions));
        // the host's own Jetty 9 logs INFO lines otherwise; its own JOL needs this for records
        args.addAll(List.of("-Dorg.eclipse.jetty.LEVEL=WARN", "-Djol.magicFieldOffset=true",
                "-Djol.skipDynamicAttach=true", "-Djol.skipHotspotSAAttach=true",
                "-cp", jar + java.io.File.pathSeparator + dir.resolve("lib") + java.io.File.separator + "*", mainClass));
        return args;
    }

    private static String version() {
        return System.getProperty("heapscope.version", "0.1.0-SNAPSHOT");
    }

    /** heapscope-agent.jar as built. */
    static Path agentJar() {
        Path jar = Path.of(System.getProperty("heapscope.agent.jar", "../../agent/target/heapscope-agent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar.toAbsolutePath() + " does not exist: build it with `mvn -B verify`");
        }
        return jar.toAbsolutePath();
    }

    long pid() {
        return process.pid();
    }

    /** Waits for heapscope's listening line (the {@code n}-th one, from 1) and returns the URL it names. */
    String awaitHeapscope(int n, Duration timeout) {
        return Deadline.await(n + " heapscope listening lines; output so far:\n" + process.output(), timeout, () -> {
            List<String> urls = heapscopeUrls();
            return urls.size() >= n ? urls.get(n - 1) : null;
        });
    }

    /** Every URL heapscope said it listens on, in order. */
    List<String> heapscopeUrls() {
        List<String> urls = new ArrayList<>();
        Matcher m = HEAPSCOPE_LISTENING.matcher(process.output());
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    /** The generated client, pointed at heapscope's API at {@code url}. */
    static ApiClient client(String url) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(url + "/api/v1");
        return client;
    }

    /** GET on the host's own endpoint (its Jetty 9 and Jersey 2); the body, after checking 200. */
    String get(String path) {
        return send(HttpRequest.newBuilder(hostUri(path)).GET());
    }

    /** POST on the host's own endpoint; the body, after checking 200. */
    String post(String path) {
        return send(HttpRequest.newBuilder(hostUri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private URI hostUri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/host" + path);
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError("the host's endpoint did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A long number named {@code key} in a flat JSON object. */
    static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + key + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * The host's output less what the host and the JVM print themselves: what is left is what heapscope
     * printed. The JVM's own lines are JEP 451's warning about a dynamically loaded agent (JDK 21+) and
     * JDK 24+'s warning about the first sun.misc.Unsafe memory access, when it names the host's own JOL
     * (it names the first caller in the JVM: the host's JOL sizes objects before heapscope is asked to).
     */
    List<String> linesNotFromHostOrJvm() {
        return process.output().lines()
                .filter(l -> !l.startsWith("host listening on "))
                .filter(l -> !l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+:INFO::main: Logging initialized.*"))
                .filter(l -> !isJerseyTwoLogging(l))
                .filter(l -> !isJep451Warning(l))
                .filter(l -> !isUnsafeWarningAboutTheHost(l))
                .toList();
    }

    // the host's Jersey 2 logs two JUL warnings of its own at start (no JAXB, no javax.activation)
    private static boolean isJerseyTwoLogging(String line) {
        return line.matches("\\w{3} \\d\\d, \\d{4} \\d+:\\d\\d:\\d\\d [AP]M org\\.glassfish\\.jersey\\..*")
                || line.startsWith("WARNING: A class javax.activation.DataSource")
                || line.startsWith("WARNING: JAXBContext implementation could not be found");
    }

    private static boolean isJep451Warning(String line) {
        return line.startsWith("WARNING: A Java agent has been loaded dynamically")
                || line.startsWith("WARNING: If a serviceability tool is in use")
                || line.startsWith("WARNING: If a serviceability tool is not in use")
                || line.startsWith("WARNING: Dynamic loading of agents will be disallowed");
    }

    private static boolean isUnsafeWarningAboutTheHost(String line) {
        return !line.contains("dev.heapscope") && (line.equals("WARNING: A terminally deprecated method in sun.misc.Unsafe has been called")
                || line.startsWith("WARNING: sun.misc.Unsafe::")
                || line.startsWith("WARNING: Please consider reporting this to the maintainers of class "));
    }

    @Override
    public void close() {
        process.close();
    }
}
