package com.example.host;

import java.io.OutputStream;
import java.io.PrintStream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * A service on Jetty 9.4, Jersey 2 and Jackson 2.12, for heapscope's agent to be loaded into. Prints
 * {@code host listening on PORT} and serves /host/* until killed.
 */
public final class HostApp {

    private HostApp() {
    }

    public static void main(String[] args) throws Exception {
        quietJol();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ServletContainer(
                new ResourceConfig(HostResource.class).register(JacksonFeature.class))), "/host/*");
        server.setHandler(context);
        server.start();
        SessionCache.INSTANCE.fill(200);
        System.out.println("host listening on " + connector.getLocalPort());
        System.out.flush();
        server.join();
    }

    /**
     * The host's own JOL (the tests' oracle) prints two warning lines when it first starts; they are the
     * host's, not heapscope's, and would muddle the check that heapscope prints nothing, so they go
     * nowhere, before anything else runs.
     */
    private static void quietJol() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            org.openjdk.jol.vm.VM.current();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
