package dev.heapscope.bench;

import example.leakyshop.LeakyShop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads under heavy work (issue 11): the demo (LeakyShop, heapscope embedded, tracing at its defaults)
 * on loopback, 50 concurrent clients for a bounded time: 3 take snapshots (deleting each again) and class
 * histograms in a loop, 47 read {@code GET /tracing}, {@code GET /snapshots}, statistics and comparisons of
 * two snapshots taken before the run, each pausing a fixed think time between requests. Reports p50, p99 and
 * max per endpoint, as measured and net of the JVM's safepoint pauses ({@link Pauses}), and the errors:
 * no answer, a 5xx, or an unexpected status (a heavy client's 429 "busy" is expected: one heavy
 * operation runs at a time). Target: p99 net of pauses at most 20 ms for every read, and 0 errors.
 *
 * <pre>
 * java -Xmx512m -cp bench/target/benchmarks.jar dev.heapscope.bench.ReadLatencyUnderLoad [seconds] [thinkMillis] [heavyClients] [reads] [warmupSeconds]
 * </pre>
 * Defaults: 60 s, 50 ms think time, 3 heavy clients (0 gives the same reads without heavy work, a baseline),
 * reads {@code all} ({@code no-status} leaves {@code GET /tracing} out, to see the other reads on their own), 60 s
 * of the same load before the measured run, whose answers are not counted (the JIT compiles the paths first, as
 * in a service that has run a while).
 */
public final class ReadLatencyUnderLoad {

    private static final int CLIENTS = 50;
    private static final long MAX_REQUESTS_PER_CLIENT = 100_000;
    private static final long SLOW_NANOS = 20_000_000;
    private static final List<String> ALL_READS = List.of("/tracing", "/snapshots",
            "/snapshots/before/statistics?groupBy=line", "/snapshots/after/statistics?groupBy=type",
            "/snapshots/after/compare/before?groupBy=line", "/snapshots/after/compare/before?groupBy=traceback&limit=50");

    /** One request as the client saw it; times on the wall clock in ns since the epoch. */
    private record Sample(String endpoint, long startNanos, long endNanos, boolean error, String failure) {
    }

    private ReadLatencyUnderLoad() {
    }

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 60);
        long thinkMillis = args.length > 1 ? Long.parseLong(args[1]) : 50;
        int heavyClients = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> reads = args.length > 3 && args[3].equals("no-status")
                ? ALL_READS.subList(1, ALL_READS.size()) : ALL_READS;
        Duration warmup = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 60);
        Queue samples = new Queue();
        try (LeakyShop shop = LeakyShop.start(0, System.err)) {
            Api api = new Api(shop.api());
            OwnMemoryMeasurement.require(api.post("/tracing/start", "{}"), 200);
            Thread.sleep(2_000);
            OwnMemoryMeasurement.require(api.post("/snapshots", "{\"name\":\"before\"}"), 201);
            Thread.sleep(2_000);
            OwnMemoryMeasurement.require(api.post("/snapshots", "{\"name\":\"after\"}"), 201);
            // the same load, unmeasured, until the JIT has compiled the paths the measured run takes
            load(api, warmup, thinkMillis, heavyClients, reads, new Queue());
            List<Pauses.Pause> pauses;
            try (Pauses recorder = new Pauses()) {
                load(api, run, thinkMillis, heavyClients, reads, samples);
                pauses = recorder.stop();
            }
            report(run, warmup, thinkMillis, heavyClients, samples.all(), pauses);
        }
    }

    // 50 clients for the given time, each on a thread of its own; returns when every one has stopped
    private static void load(Api api, Duration run, long thinkMillis, int heavyClients, List<String> reads,
                             Queue samples) throws InterruptedException {
        long deadline = System.nanoTime() + run.toNanos();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    if (client < heavyClients) {
                        heavy(api, client, deadline, samples);
                    } else {
                        reads(api, reads, client, deadline, thinkMillis, samples);
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        if (!done.await(run.toSeconds() + 300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients still running 5 minutes after the deadline");
        }
    }

    private static void reads(Api api, List<String> reads, int client, long deadline, long thinkMillis,
                              Queue samples) {
        for (long n = 0; n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; n++) {
            String path = reads.get((int) ((client + n) % reads.size()));
            samples.add(timed(endpointOf(path), () -> api.get(path), 200));
            pause(thinkMillis);
        }
    }

    private static void heavy(Api api, int client, long deadline, Queue samples) {
        for (long n = 0; n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; n++) {
            Sample sample;
            if (n % 2 == 0) {
                String name = "load-" + client + "-" + n;
                sample = timed("POST /snapshots", () -> api.post("/snapshots", "{\"name\":\"" + name + "\"}"), 201, 429);
                if (!sample.error() && sample.failure() == null) {
                    samples.add(timed("DELETE /snapshots/{name}", () -> api.delete("/snapshots/" + name), 204, 404));
                }
            } else {
                sample = timed("GET /heap/histogram", () -> api.get("/heap/histogram"), 200, 429);
            }
            samples.add(sample);
            pause(100);
        }
    }

    private interface Call {
        Api.Answer send() throws Exception;
    }

    private static Sample timed(String endpoint, Call call, int... expected) {
        long start = wallNanos();
        try {
            Api.Answer answer = call.send();
            long end = wallNanos();
            for (int status : expected) {
                if (answer.status() == status) {
                    // a 429 is expected but is not the work itself: counted apart from its successes
                    return new Sample(status == 429 ? endpoint + " (429 busy)" : endpoint, start, end, false,
                            status == 429 ? "busy" : null);
                }
            }
            return new Sample(endpoint, start, end, true, answer.status() + " " + answer.body());
        } catch (Exception e) {
            return new Sample(endpoint, start, wallNanos(), true, e.toString());
        }
    }

    private static String endpointOf(String path) {
        String p = path.replace("/snapshots/before/", "/snapshots/{name}/").replace("/snapshots/after/",
                "/snapshots/{name}/").replace("/compare/before", "/compare/{baseline}");
        return "GET " + p;
    }

    // the wall clock, as JFR's event times are, at the resolution of System.nanoTime
    private static final long WALL_AT_START = Pauses.nanos(Instant.now());
    private static final long NANO_AT_START = System.nanoTime();

    private static long wallNanos() {
        return WALL_AT_START + (System.nanoTime() - NANO_AT_START);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(Duration run, Duration warmup, long thinkMillis, int heavyClients, List<Sample> samples,
                               List<Pauses.Pause> pauses) {
        long paused = pauses.stream().mapToLong(p -> p.endNanos() - p.startNanos()).sum();
        long longest = pauses.stream().mapToLong(p -> p.endNanos() - p.startNanos()).max().orElse(0);
        System.out.printf(Locale.ROOT, "%d s after %d s of warm-up, %d clients (%d heavy), think time %d ms, JDK %s;"
                        + " %d safepoint pauses, %.0f ms in all, longest %.1f ms%n%n", run.toSeconds(), warmup.toSeconds(), CLIENTS, heavyClients, thinkMillis,
                System.getProperty("java.version"), pauses.size(), paused / 1e6, longest / 1e6);
        System.out.printf(Locale.ROOT, "%-58s %7s %6s | %8s %8s %8s | %8s %8s %8s%n", "endpoint", "count", "errors",
                "p50 ms", "p99 ms", "max ms", "net p50", "net p99", "net max");
        Map<String, List<Sample>> byEndpoint = new TreeMap<>();
        samples.forEach(s -> byEndpoint.computeIfAbsent(s.endpoint(), k -> new ArrayList<>()).add(s));
        List<String> failures = new ArrayList<>();
        byEndpoint.forEach((endpoint, list) -> {
            List<Long> raw = new ArrayList<>();
            List<Long> net = new ArrayList<>();
            long errors = 0;
            for (Sample s : list) {
                if (s.error()) {
                    errors++;
                    if (failures.size() < 10) {
                        failures.add(endpoint + ": " + s.failure());
                    }
                    continue;
                }
                long wall = s.endNanos() - s.startNanos();
                raw.add(wall);
                net.add(wall - Pauses.overlap(pauses, s.startNanos(), s.endNanos()));
            }
            System.out.printf(Locale.ROOT, "%-58s %7d %6d | %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f%n", endpoint,
                    list.size(), errors, pct(raw, 50), pct(raw, 99), pct(raw, 100), pct(net, 50), pct(net, 99),
                    pct(net, 100));
        });
        failures.forEach(f -> System.out.println("error: " + f));
        // where the slow reads are: right after a pause (the clients' requests of the pause all arrive at once)
        // or in the open
        long slow = 0;
        long slowAfterPause = 0;
        for (Sample s : samples) {
            long wall = s.endNanos() - s.startNanos();
            boolean read = s.endpoint().startsWith("GET /snapshots") || s.endpoint().equals("GET /tracing");
            if (read && !s.error() && wall - Pauses.overlap(pauses, s.startNanos(), s.endNanos()) > SLOW_NANOS) {
                slow++;
                if (Pauses.overlap(pauses, s.startNanos() - SLOW_NANOS, s.endNanos()) > 0) {
                    slowAfterPause++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nreads over %d ms net of pauses: %d, of which %d overlapped a pause or began"
                + " within %d ms after one%n", SLOW_NANOS / 1_000_000, slow, slowAfterPause, SLOW_NANOS / 1_000_000);
    }

    private static double pct(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    /** The samples of every client. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        private final AtomicLong count = new AtomicLong();

        void add(Sample sample) {
            samples.add(sample);
            count.incrementAndGet();
        }

        List<Sample> all() {
            return new ArrayList<>(samples);
        }
    }
}
