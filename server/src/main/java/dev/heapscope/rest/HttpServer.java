package dev.heapscope.rest;

import dev.heapscope.HeapscopeThreads;
import dev.heapscope.Services;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The Jetty server that carries the REST API. All its threads are heapscope daemons (a small pool:
 * heapscope answers operators, not traffic), and {@link #close()} gives the port back.
 */
public final class HttpServer implements AutoCloseable {

    /** The path every resource lives under. */
    public static final String API_PATH = "/api/v1";

    private static final int MAX_THREADS = 8;
    private static final int MIN_THREADS = 2;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final ScheduledExecutorService scheduler;
    private final Server server;
    private final ServerConnector connector;
    private final String host;

    /** A server over the core services, not yet listening ({@link #startListening()}). */
    public HttpServer(Services services, String host, int port, String accessToken) {
        this.host = host;
        // the pool's threads get heapscope's loader as context loader (HeapscopeThreads): Jersey resolves
        // its services per request through it
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_TIMEOUT_MS, -1, null, null,
                HeapscopeThreads.factory("http"));
        pool.setName("heapscope-http");
        pool.setDaemon(true);
        // heapscope owns the scheduler's thread, so close() can wait until it has ended (Jetty's own
        // scheduler only asks its thread to stop)
        scheduler = Executors.newSingleThreadScheduledExecutor(HeapscopeThreads.factory("http-scheduler"));
        server = new Server(pool, new ScheduledExecutorScheduler(scheduler), null);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new ServletContainer(RestApplication.of(services, accessToken))),
                API_PATH + "/*");
        context.setErrorHandler(new ProblemErrorHandler());
        server.setHandler(context);
        server.setErrorHandler(new ProblemErrorHandler());
    }

    /** Starts listening; throws IllegalStateException when the port cannot be bound. */
    public void startListening() {
        try {
            server.start();
        } catch (Exception e) {
            try {
                close();
            } catch (Exception ignored) {
                // the start failure is the one worth reporting
            }
            throw new IllegalStateException("heapscope could not listen on " + host + ":" + connector.getPort()
                    + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port() + API_PATH);
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
            server.join();
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
