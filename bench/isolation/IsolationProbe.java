// One-off probe behind docs/AGENT.md's isolation table: loads heapscope into the agent's test host (Jersey 2,
// Jetty 9.4, Jackson 2.12 on its class path) from a class loader whose parent is the platform loader, with or
// without that loader as the thread's context loader, from heapscope's ordinary jars or from the relocated
// library jar; prints the time to listening and whether GET /tracing and POST /snapshots work.
// Run by bench/isolation/probe.sh.
import java.net.*;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;

public class IsolationProbe {
    public static void main(String[] a) throws Exception {
        String mode = a[0];
        List<URL> urls = new ArrayList<>();
        for (String p : a[1].split(":")) urls.add(Path.of(p).toUri().toURL());
        boolean tccl = mode.endsWith("tccl");
        long t0 = System.nanoTime();
        URLClassLoader loader = new URLClassLoader("heapscope", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        ClassLoader prev = Thread.currentThread().getContextClassLoader();
        if (tccl) Thread.currentThread().setContextClassLoader(loader);
        Object hs;
        try {
            Class<?> h = Class.forName("dev.heapscope.Heapscope", true, loader);
            Object b = h.getMethod("builder").invoke(null);
            b = b.getClass().getMethod("port", int.class).invoke(b, 0);
            hs = b.getClass().getMethod("start").invoke(b);
        } catch (java.lang.reflect.InvocationTargetException e) {
            System.out.println(mode + ": START FAILED: " + e.getCause());
            return;
        } finally { Thread.currentThread().setContextClassLoader(prev); }
        long started = System.nanoTime();
        URI uri = (URI) hs.getClass().getMethod("uri").invoke(hs);
        HttpClient c = HttpClient.newHttpClient();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(uri + "/tracing")).build(), HttpResponse.BodyHandlers.ofString());
        long firstAnswer = System.nanoTime();
        HttpResponse<String> s = c.send(HttpRequest.newBuilder(URI.create(uri + "/snapshots")).header("Content-Type","application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\"}")).build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("%s: start %d ms, first answer %d ms after; GET /tracing %d, POST /snapshots %d %s%n", mode,
            (started - t0) / 1_000_000, (firstAnswer - started) / 1_000_000, r.statusCode(), s.statusCode(), s.statusCode() >= 300 ? s.body() : "");
        System.exit(0);
    }
}
