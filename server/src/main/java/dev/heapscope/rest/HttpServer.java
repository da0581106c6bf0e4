package dev.heapscope.rest;

import dev.heapscope.HeapscopeThreads;
import dev.heapscope.Services;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The Jetty server that carries the REST API. All its threads are heapscope daemons (a small pool:
 * heapscope answers operators, not traffic), every request passes the {@link RequestGate} first, and
 * {@link #close()} gives the port back.
 */
public final class HttpServer implements AutoCloseable {

    /** The path every resource lives under. */
    public static final String API_PATH = "/api/v1";

    private static final int MAX_THREADS = 8;
    private static final int MIN_THREADS = 2;
    /** How long stopping waits for a request still running before its thread is interrupted. */
    private static final long STOP_TIMEOUT_MS = 2_000;
    /** How long stopping waits for requests in flight to finish, refusing new ones with 503. */
    private static final long GRACEFUL_STOP_MS = 1_000;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final ScheduledExecutorService scheduler;
    private final Server server;
    private final ServerConnector connector;
    private final HttpSettings settings;
    private final GracefulHandler graceful;

    /** A server over the core services, not yet listening ({@link #startListening()}). */
    public HttpServer(Services services, HttpSettings settings) {
        this.settings = settings;
        // the pool's threads get heapscope's loader as context loader (HeapscopeThreads): Jersey resolves
        // its services per request through it
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_TIMEOUT_MS, -1, null, null,
                HeapscopeThreads.factory("http"));
        pool.setName("heapscope-http");
        pool.setDaemon(true);
        pool.setStopTimeout(STOP_TIMEOUT_MS);
        // heapscope owns the scheduler's thread, so close() can wait until it has ended (Jetty's own
        // scheduler only asks its thread to stop)
        scheduler = Executors.newSingleThreadScheduledExecutor(HeapscopeThreads.factory("http-scheduler"));
        server = new Server(pool, new ScheduledExecutorScheduler(scheduler), null);
        connector = connector(server, settings);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new ServletContainer(RestApplication.of(services, settings))),
                API_PATH + "/*");
        context.setErrorHandler(new ProblemErrorHandler());
        graceful = new GracefulHandler(context);
        server.setHandler(new RequestGate(
                HostPolicy.of(settings.host(), settings.allowedHosts(), settings.tls() ? "https" : "http"),
                API_PATH + "/snapshots/import", graceful));
        server.setErrorHandler(new ProblemErrorHandler());
    }

    private static ServerConnector connector(Server server, HttpSettings settings) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector;
        if (settings.tls()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(settings.keystore().toAbsolutePath().toString());
            tls.setKeyStorePassword(settings.keystorePassword());
            if (settings.keystore().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks")) {
                tls.setKeyStoreType("JKS");
            }
            // clients reach heapscope by address as often as by name: the Host need not match the SNI name
            http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            SslConnectionFactory ssl = new SslConnectionFactory(tls, "http/1.1");
            connector = new ServerConnector(server, 1, 1, new PlaintextOnTlsPort(ssl), ssl,
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    /** Starts listening; throws IllegalStateException when the port cannot be bound or TLS cannot start. */
    public void startListening() {
        try {
            server.start();
        } catch (Exception e) {
            try {
                close();
            } catch (Exception ignored) {
                // the start failure is the one worth reporting
            }
            throw new IllegalStateException("heapscope could not listen on " + settings.host() + ":"
                    + connector.getPort() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = settings.host();
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((settings.tls() ? "https" : "http") + "://" + shownHost + ":" + port() + API_PATH);
    }

    /**
     * Stops: requests in flight (answers to walks close() just cancelled) may finish for
     * {@value #GRACEFUL_STOP_MS} ms while new ones get 503, then Jetty stops. Idle keep-alive connections
     * are not waited for.
     */
    @Override
    public void close() throws Exception {
        try {
            graceful.shutdown().get(GRACEFUL_STOP_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // a request outlived the wait: stopping interrupts its thread
        }
        try {
            server.stop();
            server.join();
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
