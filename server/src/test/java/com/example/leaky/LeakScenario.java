package com.example.leaky;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Five unrelated leaks of different shapes growing at once, beside churn that allocates far more than
 * they do: what a service looks like between two snapshots. The leaks grow on request threads of their
 * own (kept alive, like a server's pool), the churn on the caller's thread.
 *
 * <p>The threads have served a while before the leaks start ({@link #warmUp}): JFR samples live objects
 * once per allocation buffer, and a fresh thread's buffers are a fraction of a busy one's, so a leak on a
 * cold thread would get several times the samples of the same leak on a warm one.
 */
public final class LeakScenario implements AutoCloseable {

    private final ThreadStackLeak worker = new ThreadStackLeak();
    private final ExecutorService requests = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "host-request");
        thread.setDaemon(true);
        return thread;
    });

    /** Lets each thread serve requests (churn) for a while, as a running service's threads have. */
    public void warmUp(long bytesPerThread) {
        onRequestThread(() -> Churn.allocate(bytesPerThread));
        worker.churn(bytesPerThread);
        Churn.allocate(bytesPerThread);
    }

    /** Grows each leak by about {@code megabytes} MB, with {@code churnFactor} times as much churn after each. */
    public void grow(int megabytes, int churnFactor) {
        int kib = megabytes * 1024;
        long churn = (long) megabytes * churnFactor * 1024 * 1024;
        onRequestThread(() -> ListenerLeak.leak(kib));
        Churn.allocate(churn);
        worker.leak(kib);
        Churn.allocate(churn);
        onRequestThread(() -> ArrayListLeak.leak(kib));
        Churn.allocate(churn);
        onRequestThread(() -> LinkedChainLeak.leak(kib));
        Churn.allocate(churn);
        onRequestThread(() -> LambdaLeak.leak(kib / 2));
        Churn.allocate(churn);
    }

    private void onRequestThread(Runnable leak) {
        try {
            requests.submit(leak).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the leak did not run", e);
        }
    }

    /** Lets every leak go. */
    @Override
    public void close() {
        requests.shutdownNow();
        worker.close();
        ListenerLeak.release();
        ArrayListLeak.release();
        LinkedChainLeak.release();
        LambdaLeak.release();
    }
}
