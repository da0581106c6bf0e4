package dev.heapscope.rest;

import dev.heapscope.Services;
import java.net.URI;
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

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    /** A server over the core services, not yet listening ({@link #startListening()}). */
    public HttpServer(Services services, String host, int port, String accessToken) {
        this.host = host;
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        pool.setName("heapscope-http");
        pool.setDaemon(true);
        server = new Server(pool, new ScheduledExecutorScheduler("heapscope-http-scheduler", true), null);
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
                server.stop();
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
        server.stop();
        server.join();
    }
}
