package dev.heapscope;

import dev.heapscope.heap.HeapService;
import dev.heapscope.heap.HistogramReader;
import dev.heapscope.heap.RootRegistry;
import dev.heapscope.heap.RootsService;
import dev.heapscope.jmx.JmxBeans;
import dev.heapscope.metrics.HeapscopeMetrics;
import dev.heapscope.rest.HttpServer;
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
    private final List<AutoCloseable> closeInReverse = new ArrayList<>();
    private boolean closed;

    private Heapscope(Builder builder) {
        DiagnosticCommands commands = new DiagnosticCommands();
        HistogramReader histograms = new HistogramReader(commands);
        OneAtATime heavy = new OneAtATime();
        // first, so that it sees everything from heapscope's start
        MemoryTimeline timeline = MemoryTimeline.start();
        closeInReverse.add(timeline);
        TracingService tracing = new TracingService();
        closeInReverse.add(tracing);
        this.registry = new RootRegistry();
        closeInReverse.add(registry::clear);
        RootsService roots = new RootsService(registry, heavy, builder.instrumentation);
        SnapshotService snapshots = new SnapshotService(builder.maxSnapshots, tracing, histograms, roots, heavy);
        closeInReverse.add(snapshots::clear);
        tracing.addListener(timeline);
        snapshots.addListener(timeline);
        LeakWatch watch = new LeakWatch(snapshots);
        closeInReverse.add(watch);
        watch.addListener(new WatchListener() {
            @Override
            public void snapshotTaken(java.time.Instant time, String name) {
                timeline.mark(time, MarkKind.WATCH_SNAPSHOT, name);
            }
        });
        HeapscopeMetrics metrics = new HeapscopeMetrics(tracing, snapshots, timeline, watch);
        closeInReverse.add(metrics);
        this.services = new Services(tracing, snapshots, new HeapService(histograms, heavy), roots, timeline, watch,
                metrics);
        this.http = new HttpServer(services, builder.host, builder.port, builder.accessToken);
        this.jmx = builder.jmx;
        this.jmxName = builder.jmxName;
    }

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

    /** Stops tracing, drops snapshots and releases every thread, port and MBean. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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

        /** The bearer token every request must carry; at least 16 characters. */
        public Builder accessToken(String token) {
            if (token == null || token.length() < 16 || token.isBlank()) {
                throw new IllegalArgumentException("the access token must have at least 16 characters");
            }
            this.accessToken = token;
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
         * @throws IllegalStateException when binding a non-loopback address without an access token,
         *                               when the port cannot be bound, or when the jmxName is taken
         */
        public Heapscope start() {
            if (accessToken == null && !isLoopback(host)) {
                throw new IllegalStateException("refusing to listen on " + host
                        + " without an access token: give one (accessToken(...), or the agent's tokenFile=) or bind"
                        + " 127.0.0.1");
            }
            return new Heapscope(this).startAll();
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
