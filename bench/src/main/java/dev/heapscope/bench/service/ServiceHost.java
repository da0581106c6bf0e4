package dev.heapscope.bench.service;

import dev.heapscope.Heapscope;
import dev.heapscope.bench.TracingModes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The measured service, run by {@link ServiceOverhead} in its own JVM: a Jetty server on 127.0.0.1
 * answering {@code GET /search?category=C&page=P} ({@link Catalog}), with heapscope embedded (its own
 * HTTP server idle, as in a real deployment). Driven over stdin, one command a line, each answered with
 * one line on stdout: {@code mode <name>} switches what traces ({@link TracingModes}; {@code error ...} when
 * it cannot), {@code cpu}
 * prints the process's CPU nanoseconds, GC count and GC milliseconds so far. Exits at end of input.
 */
public final class ServiceHost {

    private static final int THREADS = 12;

    private ServiceHost() {
    }

    public static void main(String[] args) throws Exception {
        Catalog catalog = new Catalog(20_000);
        QueuedThreadPool pool = new QueuedThreadPool(THREADS, THREADS);
        pool.setName("service");
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new SearchHandler(catalog));
        try (Heapscope heapscope = Heapscope.builder().port(0).start()) {
            server.start();
            System.out.println("port " + connector.getLocalPort());
            System.out.flush();
            serveCommands(heapscope);
        } finally {
            server.stop();
        }
    }

    private static void serveCommands(Heapscope heapscope) throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        AutoCloseable tracer = TracingModes.start("off", heapscope);
        for (String line; (line = commands.readLine()) != null; ) {
            if (line.startsWith("mode ")) {
                String mode = line.substring(5).trim();
                tracer.close();
                tracer = TracingModes.start("off", heapscope);
                try {
                    tracer = TracingModes.start(mode, heapscope);
                    System.out.println("mode " + mode);
                } catch (RuntimeException e) {
                    System.out.println("error mode " + mode + ": " + e.getMessage());
                }
            } else if (line.equals("cpu")) {
                System.out.println("cpu " + cpuNanos() + " " + gcCount() + " " + gcMillis());
            } else {
                System.out.println("unknown " + line);
            }
            System.out.flush();
        }
        tracer.close();
    }

    private static long cpuNanos() {
        // process-wide, threads that ended included (the JDK reads the process's times on Linux)
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static final class SearchHandler extends Handler.Abstract {
        private final Catalog catalog;

        SearchHandler(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!Request.getPathInContext(request).equals("/search")) {
                return false;
            }
            Fields query = Request.extractQueryParameters(request);
            byte[] body = catalog.search(number(query, "category"), number(query, "page"));
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }

        private static int number(Fields query, String name) {
            Fields.Field field = query.get(name);
            return field == null ? 0 : Integer.parseInt(field.getValue());
        }
    }
}
