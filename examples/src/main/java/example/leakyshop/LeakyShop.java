package example.leakyshop;

import dev.heapscope.Heapscope;
import java.io.PrintStream;
import java.net.URI;

/**
 * The demo service: a shop with three classic leaks under synthetic traffic, and heapscope embedded to
 * find them. {@link #close()} stops the traffic, then heapscope.
 */
public final class LeakyShop implements AutoCloseable {

    private final SessionCache sessions = new SessionCache();
    private final EventBus bus = new EventBus();
    private final ReportService reports = new ReportService();
    private final Heapscope heapscope;
    private final Traffic traffic;

    private LeakyShop(int port, boolean leaks, PrintStream err) {
        this.heapscope = Heapscope.builder().port(port).start();
        // registered roots are held weakly by heapscope; the shop keeps them alive
        heapscope.register("sessions", sessions.asMap());
        heapscope.register("price-listeners", bus.asList());
        heapscope.register("shutdown-callbacks", reports.asList());
        LeakBudget budget = leaks ? LeakBudget.forThisHeap(err::println) : LeakBudget.none();
        this.traffic = Traffic.start(sessions, bus, reports, budget, err);
    }

    /**
     * Starts heapscope on 127.0.0.1:{@code port} (0 picks a free port) and the traffic.
     *
     * @param err where the shop reports trouble (a failed request, the leak budget reached)
     * @throws IllegalStateException when the port cannot be bound
     */
    public static LeakyShop start(int port, PrintStream err) {
        return start(port, true, err);
    }

    /**
     * As {@link #start(int, PrintStream)}; with {@code leaks} false the three leaks never grow and only the
     * healthy churn runs: the run to compare with.
     */
    public static LeakyShop start(int port, boolean leaks, PrintStream err) {
        return new LeakyShop(port, leaks, err);
    }

    /** The port heapscope listens on. */
    public int port() {
        return heapscope.port();
    }

    /** heapscope's REST API, e.g. {@code http://127.0.0.1:7070/api/v1}. */
    public URI api() {
        return heapscope.uri();
    }

    /** Sessions held by the leaking cache: it only grows. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Listeners held by the event bus: it only grows. */
    public int listenerCount() {
        return bus.size();
    }

    /** Audit callbacks (each holding a whole report) kept until shutdown: it only grows. */
    public int pendingCallbacks() {
        return reports.pendingCallbacks();
    }

    @Override
    public void close() {
        traffic.close();
        heapscope.close();
    }
}
