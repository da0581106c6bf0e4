package dev.heapscope;

import dev.heapscope.heap.HeapService;
import dev.heapscope.heap.HistogramReader;
import dev.heapscope.heap.RootRegistry;
import dev.heapscope.heap.RootsService;
import dev.heapscope.jmx.JmxBeans;
import dev.heapscope.metrics.HeapscopeMetrics;
import dev.heapscope.rest.HttpServer;
import dev.heapscope.rest.HttpSettings;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.timeline.MarkKind;
import dev.heapscope.timeline.MemoryTimeline;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.watch.LeakWatch;
import dev.heapscope.watch.WatchListener;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.management.ObjectName;

/**
 * heapscope inside a service: allocation tracing, named snapshots, their comparison and the heap's
 * figures, served over REST on one port and as MXBeans in the platform MBeanServer ({@code dev.heapscope:type=
 * Tracing|Snapshots|Heap|Roots|Watch}, see {@link JmxBeans} for the naming of a second instance). Start it with
 * {@link #builder()}; {@link #close()} releases the recording, every thread, the port and every MBean.
 *
 * <pre>{@code
 * try (Heapscope hs = Heapscope.builder().port(7070).start()) {
 *     hs.register("sessions", sessionMap);
 *     ...
 * }
 * }</pre>
 */
public final class Heapscope implements AutoCloseable {

    private final Services services;
    private final RootRegistry registry;
    private final HttpServer http;
    private final boolean jmx;
    private final String jmxName;
    private JmxBeans mbeans;
    private final OneAtATime heavy;
    private final Cancellation closing = new Cancellation();
    private final List<AutoCloseable> closeInReverse = new ArrayList<>();
    private boolean closed;

    private Heapscope(Builder builder) {
        DiagnosticCommands commands = new DiagnosticCommands();
        HistogramReader histograms = new HistogramReader(commands);
        this.heavy = new OneAtATime(commands::gcRun);
        // first, so that it sees everything from heapscope's start
        MemoryTimeline timeline = MemoryTimeline.start();
        closeInReverse.add(timeline);
        TracingService tracing = new TracingService();
        closeInReverse.add(tracing);
        this.registry = new RootRegistry();
        closeInReverse.add(registry::clear);
        RootsService roots = new RootsService(registry, heavy, builder.instrumentation, closing);
        SnapshotService snapshots = new SnapshotService(builder.maxSnapshots, tracing, histograms, roots, heavy);
        closeInReverse.add(snapshots::close);
        tracing.listeners().add(timeline);
        snapshots.listeners().add(timeline);
        LeakWatch watch = new LeakWatch(snapshots);
        closeInReverse.add(watch);
        watch.listeners().add(new WatchListener() {
            @Override
            public void snapshotTaken(java.time.Instant time, String name) {
                timeline.mark(time, MarkKind.WATCH_SNAPSHOT, name);
            }
        });
        HeapscopeMetrics metrics = new HeapscopeMetrics(tracing, snapshots, timeline, watch);
        closeInReverse.add(metrics);
        OwnMemory ownMemory = new OwnMemory(roots, List.of(snapshots::ownState, tracing::ownState, watch::ownState,
                timeline::ownState));
        snapshots.listeners().add(ownMemory);
        tracing.listeners().add(ownMemory);
        closeInReverse.add(ownMemory);
        this.services = new Services(tracing, snapshots, new HeapService(histograms, heavy), roots, timeline, watch,
                metrics, ownMemory);
        this.http = new HttpServer(services, builder.httpSettings());
        this.jmx = builder.jmx;
        this.jmxName = builder.jmxName;
    }

    /** How long close() waits for a running snapshot, histogram or walk to end, after cancelling walks. */
    public static final Duration CLOSE_WAIT_FOR_HEAVY_WORK = Duration.ofMillis(2_500);

    /** A builder with the defaults: 127.0.0.1, port 7070, no token, 32 snapshots. */
    public static Builder builder() {
        return new Builder();
    }

    private Heapscope startAll() {
        try {
            http.startListening();
            closeInReverse.add(http);
            if (jmx) {
                mbeans = JmxBeans.register(ManagementFactory.getPlatformMBeanServer(), jmxName, services);
                closeInReverse.add(mbeans);
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The port the REST API listens on (useful after {@code port(0)}). */
    public int port() {
        return http.port();
    }

    /** The base URI of the REST API, e.g. {@code http://127.0.0.1:7070/api/v1}. */
    public URI uri() {
        return http.uri();
    }

    /**
     * Registers an object to measure under a name ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}). It is held
     * weakly: registering never keeps it alive. Registering a name again replaces the object.
     *
     * @throws HeapscopeException.BadRequest for an invalid name or a null object
     */
    public void register(String name, Object root) {
        registry.register(name, root);
    }

    /** Forgets a registered root; returns whether it was registered. */
    public boolean unregister(String name) {
        return registry.unregister(name);
    }

    /**
     * The ObjectNames of heapscope's MBeans in the platform MBeanServer (e.g.
     * {@code dev.heapscope:type=Tracing}); empty with {@code jmx(false)} and after {@link #close()}.
     */
    public List<ObjectName> mbeanNames() {
        return mbeans == null ? List.of() : mbeans.names();
    }

    /** Allocation tracing. */
    public TracingService tracing() {
        return services.tracing();
    }

    /** Named snapshots, statistics and comparisons. */
    public SnapshotService snapshots() {
        return services.snapshots();
    }

    /** The heap as it is now. */
    public HeapService heap() {
        return services.heap();
    }

    /** heapscope's own memory: the deep size of the snapshots, samples and tables it holds. */
    public OwnMemory ownMemory() {
        return services.ownMemory();
    }

    /** The registered roots: their deep sizes, back-references and reference trees. */
    public RootsService roots() {
        return services.roots();
    }

    /** Memory over time: per-second figures, collections and marks since heapscope started. */
    public MemoryTimeline timeline() {
        return services.timeline();
    }

    /** The leak watch: a snapshot every interval, steadily growing types and sites, the live set's trend. */
    public LeakWatch watch() {
        return services.watch();
    }

    /** heapscope's figures in the Prometheus text format, from its own Micrometer registry. */
    public HeapscopeMetrics metrics() {
        return services.metrics();
    }

    /**
     * Stops tracing, drops snapshots and releases every thread, port and MBean. Idempotent. A walk still
     * running stops at once; a snapshot still running is waited for (its JFR dump cannot be interrupted)
     * for at most {@link #CLOSE_WAIT_FOR_HEAVY_WORK} and is not kept. Returns within about 5 s.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.cancel("heapscope is stopping");
        // walks stop at once; a running snapshot (its dump cannot be interrupted) holds the tracer's lock:
        // both end while Jetty and Jersey still run, so their requests get answers and nothing is left
        heavy.awaitIdle(CLOSE_WAIT_FOR_HEAVY_WORK);
        RuntimeException failure = null;
        for (int i = closeInReverse.size() - 1; i >= 0; i--) {
            try {
                closeInReverse.get(i).close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("heapscope did not close cleanly", e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Configures and starts heapscope. Every setter validates at once and names the bad value.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 7070;
        private String accessToken;
        private String readOnlyToken;
        private final List<String> allowedHosts = new ArrayList<>();
        private Path keystore;
        private String keystorePassword;
        private int maxSnapshots = SnapshotService.DEFAULT_CAPACITY;
        private boolean jmx = true;
        private String jmxName;
        private Instrumentation instrumentation;

        private Builder() {
        }

        /** The address to bind (default 127.0.0.1). A non-loopback address requires {@link #accessToken}. */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /** The port, 0..65535; 0 picks a free port ({@link Heapscope#port()} tells which). Default 7070. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " is out of range 0..65535");
            }
            this.port = port;
            return this;
        }

        /**
         * The bearer token every request must carry ({@code Authorization: Bearer <token>}); it may do
         * everything. At least 16 characters. Never logged or echoed.
         */
        public Builder accessToken(String token) {
            this.accessToken = Tokens.require("access token", token);
            return this;
        }

        /** {@link #accessToken(String)} read from a file (its first line, trimmed), e.g. a mounted secret. */
        public Builder accessTokenFromFile(Path file) {
            return accessToken(Tokens.fromFile("access token", file));
        }

        /** {@link #accessToken(String)} read from an environment variable. */
        public Builder accessTokenFromEnv(String variable) {
            return accessToken(Tokens.fromEnv("access token", variable));
        }

        /**
         * A second bearer token that may only read: tracing status, the snapshots and their reports, the
         * roots' list and class layouts. It gets 403 on starting or stopping tracing, taking or deleting
         * snapshots, histograms and walks (whatever costs the host a GC or a walk, or changes state).
         * Requires {@link #accessToken(String)}; at least 16 characters, different from it.
         */
        public Builder readOnlyToken(String token) {
            this.readOnlyToken = Tokens.require("read-only token", token);
            return this;
        }

        /** {@link #readOnlyToken(String)} read from a file (its first line, trimmed). */
        public Builder readOnlyTokenFromFile(Path file) {
            return readOnlyToken(Tokens.fromFile("read-only token", file));
        }

        /** {@link #readOnlyToken(String)} read from an environment variable. */
        public Builder readOnlyTokenFromEnv(String variable) {
            return readOnlyToken(Tokens.fromEnv("read-only token", variable));
        }

        /**
         * Further names a request's {@code Host} may carry (e.g. the name of a tunnel or proxy in front of
         * heapscope). Without them only the bound address, {@code localhost} and the loopback addresses are
         * answered; other names get 421, a defence against DNS rebinding.
         */
        public Builder allowedHosts(String... names) {
            for (String name : names) {
                if (name == null || name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == '/')) {
                    throw new IllegalArgumentException("allowed host '" + name + "' is not a host name");
                }
                allowedHosts.add(name.trim());
            }
            return this;
        }

        /**
         * Serves the API over HTTPS only, with the key and certificate in a PKCS12 keystore (or JKS, by the
         * {@code .jks} extension). Create one with
         * {@code keytool -genkeypair -alias heapscope -keyalg EC -dname CN=localhost
         * -ext SAN=dns:localhost,ip:127.0.0.1 -validity 365 -keystore heapscope.p12 -storepass <password>}.
         *
         * @throws IllegalArgumentException when the keystore is not a readable file or the password is empty
         */
        public Builder tls(Path keystore, String password) {
            if (keystore == null || !Files.isRegularFile(keystore) || !Files.isReadable(keystore)) {
                throw new IllegalArgumentException("the TLS keystore " + keystore + " is not a readable file");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("the TLS keystore password must not be empty");
            }
            this.keystore = keystore;
            this.keystorePassword = password;
            return this;
        }

        /** How many snapshots the store keeps, 1..1024 (default 32). */
        public Builder maxSnapshots(int maxSnapshots) {
            if (maxSnapshots < 1 || maxSnapshots > 1024) {
                throw new IllegalArgumentException("maxSnapshots " + maxSnapshots + " is out of range 1..1024");
            }
            this.maxSnapshots = maxSnapshots;
            return this;
        }

        /**
         * Whether to register the MBeans in the platform MBeanServer (default true), so that JConsole and
         * VisualVM can drive heapscope with nothing of heapscope's on their classpath.
         */
        public Builder jmx(boolean jmx) {
            this.jmx = jmx;
            return this;
        }

        /**
         * The {@code name=} key of this instance's MBeans ({@code dev.heapscope:type=Tracing,name=<jmxName>}),
         * {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}. Without it the first heapscope in the JVM registers
         * {@code dev.heapscope:type=Tracing} and each further one the first free {@code name=2, 3, ...}.
         * With it, start() fails when another instance already uses the name.
         */
        public Builder jmxName(String jmxName) {
            if (jmxName == null || !Names.PATTERN.matcher(jmxName).matches()) {
                throw new IllegalArgumentException("jmxName '" + jmxName + "' is invalid: use 1 to 64 characters"
                        + " from A-Z a-z 0-9 . _ -, starting with a letter or digit");
            }
            this.jmxName = jmxName;
            return this;
        }

        /**
         * The {@code Instrumentation} of a Java agent, when heapscope runs as one (heapscope-agent.jar passes
         * its own). With it, roots named by a field path ({@code PUT /roots/{name}}) are searched among every
         * class the JVM has loaded, in every class loader, and JOL sizes objects through it. Optional.
         */
        public Builder instrumentation(Instrumentation instrumentation) {
            this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
            return this;
        }

        /**
         * Starts heapscope.
         *
         * @throws IllegalStateException when binding a non-loopback address without an access token, with a
         *                               read-only token but no access token, when the port cannot be bound,
         *                               when TLS cannot start, or when the jmxName is taken
         */
        public Heapscope start() {
            if (accessToken == null && !isLoopback(host)) {
                throw new IllegalStateException("refusing to listen on " + host
                        + " without an access token: give one (accessToken(...), or the agent's tokenFile=) or bind"
                        + " 127.0.0.1");
            }
            if (readOnlyToken != null && accessToken == null) {
                throw new IllegalStateException("a read-only token needs an access token too: without one,"
                        + " every caller could do everything");
            }
            if (readOnlyToken != null && readOnlyToken.equals(accessToken)) {
                throw new IllegalStateException("the read-only token must differ from the access token");
            }
            return new Heapscope(this).startAll();
        }

        private HttpSettings httpSettings() {
            return new HttpSettings(host, port, accessToken, readOnlyToken, allowedHosts, keystore, keystorePassword);
        }

        private static boolean isLoopback(String host) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (!address.isLoopbackAddress()) {
                        return false;
                    }
                }
                return true;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("host '" + host + "' cannot be resolved", e);
            }
        }
    }
}
