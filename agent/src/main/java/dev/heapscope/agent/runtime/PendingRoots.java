package dev.heapscope.agent.runtime;

import dev.heapscope.HeapscopeException;
import dev.heapscope.HeapscopeThreads;
import dev.heapscope.heap.RootsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The agent's {@code roots=} option: each root is registered through the same resolver as
 * {@code PUT /roots/{name}}, once its class is loaded. With {@code -javaagent} the agent starts before the
 * application's {@code main}, when none of its classes is loaded yet, so a root that is not found (class
 * not loaded, a null on the way, a missing field) is tried again, every 100 ms at first and then at most
 * every {@value #MAX_DELAY_SECONDS} s, for {@value #GIVE_UP_MINUTES} minutes; a malformed one, or a class
 * that several loaders have loaded, is given up at once. Nothing is printed: {@code GET /roots} shows
 * which roots are registered, and a {@code PUT} of the same class and path tells why one is not.
 * One thread, {@code heapscope-agent-roots-1}, only while roots are pending.
 */
final class PendingRoots implements AutoCloseable {

    static final int MAX_DELAY_SECONDS = 5;
    static final int GIVE_UP_MINUTES = 10;
    private static final long FIRST_DELAY_MS = 100;

    private final RootsService roots;
    private final List<AgentOptions.RootOption> pending;
    private final ScheduledExecutorService executor;
    private final long giveUpAt;
    private long delayMs = FIRST_DELAY_MS;

    private PendingRoots(RootsService roots, List<AgentOptions.RootOption> pending) {
        this.roots = roots;
        this.pending = new ArrayList<>(pending);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, HeapscopeThreads.factory("agent-roots"));
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
        this.giveUpAt = System.nanoTime() + Duration.ofMinutes(GIVE_UP_MINUTES).toNanos();
    }

    /** Tries every root now (on the caller's thread) and keeps trying the rest in the background. */
    static PendingRoots register(RootsService roots, List<AgentOptions.RootOption> options) {
        PendingRoots pendingRoots = new PendingRoots(roots, options);
        pendingRoots.attempt();
        return pendingRoots;
    }

    private synchronized void attempt() {
        pending.removeIf(this::registered);
        if (pending.isEmpty() || System.nanoTime() > giveUpAt || executor.isShutdown()) {
            executor.shutdown();
            return;
        }
        executor.schedule(this::attempt, delayMs, TimeUnit.MILLISECONDS);
        delayMs = Math.min(delayMs * 2, TimeUnit.SECONDS.toMillis(MAX_DELAY_SECONDS));
    }

    private boolean registered(AgentOptions.RootOption root) {
        try {
            roots.registerByPath(root.name(), root.className(), root.fieldPath(), null);
            return true;
        } catch (HeapscopeException.NotFound notYet) {
            return false;
        } catch (HeapscopeException givenUp) {
            return true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
