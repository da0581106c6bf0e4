package com.example.host;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.eclipse.jetty.util.Jetty;
import org.openjdk.jol.info.GraphLayout;

/** The host's own endpoint, on its own Jetty 9, Jersey 2 and Jackson 2.12. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HostResource {

    /** The versions the host sees of its own libraries. */
    @GET
    @Path("versions")
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("jetty", Jetty.VERSION);
        versions.put("jackson", PackageVersion.VERSION.toString());
        versions.put("jersey", org.glassfish.jersey.internal.Version.getVersion());
        return versions;
    }

    /** Whether the host's class loader can load a class of this name. */
    @GET
    @Path("loadable")
    public Map<String, Boolean> loadable(@QueryParam("class") String className) {
        boolean loadable;
        try {
            Class.forName(className, false, HostResource.class.getClassLoader());
            loadable = true;
        } catch (ClassNotFoundException | LinkageError e) {
            loadable = false;
        }
        return Map.of("loadable", loadable);
    }

    /**
     * What heapscope left behind in this JVM: its threads ({@code heapscope-*}), JFR recordings and MBeans
     * ({@code dev.heapscope:*}).
     */
    @GET
    @Path("heapscope-residue")
    public Map<String, List<String>> residue() throws MalformedObjectNameException {
        List<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("heapscope")).sorted().toList();
        List<String> recordings = FlightRecorder.isInitialized()
                ? FlightRecorder.getFlightRecorder().getRecordings().stream().map(Recording::getName).toList()
                : List.of();
        List<String> mbeans = ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("dev.heapscope:*"), null).stream().map(ObjectName::toString).sorted().toList();
        return Map.of("threads", threads, "recordings", recordings, "mbeans", mbeans);
    }

    /** Heap used after a full GC, and live threads: what a resident heapscope costs the host. */
    @GET
    @Path("footprint")
    public Map<String, Long> footprint() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return Map.of("heapUsedBytes", memory.getHeapMemoryUsage().getUsed(),
                "threads", (long) ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** JOL's deep size of the session map, computed by the host's own JOL. */
    @GET
    @Path("jol/sessions")
    public Map<String, Long> jolSessions() {
        GraphLayout layout = GraphLayout.parseInstance(SessionCache.INSTANCE.sessions());
        return Map.of("totalSize", layout.totalSize(), "totalCount", layout.totalCount());
    }

    /** Leaks {@code count} byte[1000] at {@link Leak#LINE_KEY}. */
    @POST
    @Path("leak")
    public Map<String, Integer> leak(@QueryParam("count") int count) {
        Leak.leak(count);
        return Map.of("leaked", count);
    }
}
