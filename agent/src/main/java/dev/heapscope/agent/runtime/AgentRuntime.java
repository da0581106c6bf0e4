package dev.heapscope.agent.runtime;

import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * heapscope as the agent runs it, inside the agent's own class loader: starts it from the agent's options,
 * publishes its URL in the host's system property {@code heapscope.agent.url} (how {@code list},
 * {@code status} and {@code start} learn it, through the attach API) and prints the one line saying where
 * it listens. Called by reflection from {@code dev.heapscope.agent.Agent}, so only JDK types cross.
 */
public final class AgentRuntime implements AutoCloseable {

    static final String URL_PROPERTY = "heapscope.agent.url";

    private final Heapscope heapscope;
    private final PendingRoots roots;

    private AgentRuntime(Heapscope heapscope, PendingRoots roots) {
        this.heapscope = heapscope;
        this.roots = roots;
    }

    /**
     * Starts heapscope.
     *
     * @param options         the agent's options ({@link AgentOptions})
     * @param instrumentation the agent's
     * @return what stops it again: its port, threads, recording and MBeans are released
     * @throws IllegalArgumentException for a bad option
     * @throws IllegalStateException    when the port cannot be bound or the token file read
     */
    public static AutoCloseable start(String options, Instrumentation instrumentation) {
        AgentOptions agentOptions = AgentOptions.parse(options);
        Heapscope.Builder builder = Heapscope.builder().host(agentOptions.host()).port(agentOptions.port())
                .instrumentation(instrumentation);
        if (agentOptions.tokenFile() != null) {
            builder.accessToken(token(Path.of(agentOptions.tokenFile())));
        }
        if (agentOptions.readOnlyTokenFile() != null) {
            builder.readOnlyToken(token(Path.of(agentOptions.readOnlyTokenFile())));
        }
        builder.allowedHosts(agentOptions.allowedHosts().stream().map(String::strip).toArray(String[]::new));
        if (agentOptions.tlsKeystore() != null) {
            builder.tls(Path.of(agentOptions.tlsKeystore()), token(Path.of(agentOptions.tlsPasswordFile())));
        }
        if (agentOptions.maxSnapshots() != null) {
            builder.maxSnapshots(agentOptions.maxSnapshots());
        }
        Heapscope heapscope = builder.start();
        try {
            if (agentOptions.tracing()) {
                heapscope.tracing().start(TracingSettings.DEFAULTS);
            }
            AgentRuntime runtime = new AgentRuntime(heapscope, PendingRoots.register(heapscope.roots(), agentOptions.roots()));
            String url = base(heapscope.uri());
            System.setProperty(URL_PROPERTY, url);
            System.err.println("heapscope listening on " + url);
            System.err.flush();
            return runtime;
        } catch (RuntimeException e) {
            heapscope.close();
            throw e;
        }
    }

    /** {@code http://HOST:PORT}: the API's URI without its path, as the demo prints it. */
    static String base(URI api) {
        return api.getScheme() + "://" + api.getRawAuthority();
    }

    // a token's or a password's file: its first line, trimmed; the content never appears in a message
    private static String token(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            roots.close();
        } finally {
            System.clearProperty(URL_PROPERTY);
            heapscope.close();
        }
    }
}
