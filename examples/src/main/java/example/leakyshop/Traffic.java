package example.leakyshop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Synthetic traffic: each kind of request runs on its own daemon thread at a fixed rate. One thread per
 * kind keeps JFR's attribution clean (a sample's weight is what its thread allocated since its last
 * sample) and makes the threads easy to tell apart in a thread dump.
 *
 * <p>Rates, about 4.5 MiB/minute of leaks in all until the {@link LeakBudget} is spent:
 * 25 logins/s × ~2.3 KiB (sessions), 10 page views/s × ~1.1 KiB (listeners),
 * 1 report/s × 8 KiB (closures); and ~100 checkouts/s of churn (about 2-3 MiB/s), all garbage.
 * JFR samples a thread when it needs a new allocation buffer, so a thread that allocates slowly is
 * sampled rarely: the session leak is the fastest so that the allocated view finds it within seconds.
 */
final class Traffic implements AutoCloseable {

    // the names must not start with "heapscope-": heapscope leaves its own threads' allocations out
    private static final String THREAD_PREFIX = "leakyshop-";
    private static final long SESSION_COST = SessionCache.ATTRIBUTE_BYTES + 200;
    private static final long LISTENER_COST = CartWidget.RENDER_BUFFER_BYTES + 100;
    private static final long REPORT_COST = ReportService.REPORT_BYTES + 100;

    private final List<ScheduledExecutorService> threads = new ArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final PrintStream err;

    private Traffic(PrintStream err) {
        this.err = err;
    }

    /** Starts every kind of request against the shop's parts. */
    static Traffic start(SessionCache sessions, EventBus bus, ReportService reports, LeakBudget budget, PrintStream err) {
        Traffic traffic = new Traffic(err);
        AtomicLong users = new AtomicLong();
        traffic.every("logins", 40, () -> {
            if (budget.tryTake(SESSION_COST)) {
                sessions.login("user-" + users.incrementAndGet());
            }
        });
        traffic.every("pages", 100, () -> {
            String sku = "sku-" + ThreadLocalRandom.current().nextInt(1000);
            if (budget.tryTake(LISTENER_COST)) {
                CartWidget.showPage(bus, sku);
            }
            bus.publish(new EventBus.PriceChange(sku, 100 + ThreadLocalRandom.current().nextInt(10_000)));
        });
        traffic.every("reports", 1000, () -> {
            if (budget.tryTake(REPORT_COST)) {
                reports.render();
            }
        });
        traffic.every("checkout", 10, Checkout::checkoutOnce);
        return traffic;
    }

    /** Requests served so far, of every kind. */
    long requests() {
        return requests.get();
    }

    private void every(String role, long periodMillis, Runnable request) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, THREAD_PREFIX + role);
            t.setDaemon(true);
            return t;
        });
        threads.add(thread);
        thread.scheduleAtFixedRate(() -> serve(role, request), 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void serve(String role, Runnable request) {
        // a scheduled task that throws is silently never run again: report it and keep serving
        try {
            request.run();
            requests.incrementAndGet();
        } catch (RuntimeException e) {
            err.println("leakyshop " + role + " request failed: " + e);
        }
    }

    @Override
    public void close() {
        threads.forEach(ScheduledExecutorService::shutdownNow);
    }
}
