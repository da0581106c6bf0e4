package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Heapscope;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.management.ObjectName;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heavy work stops when nobody wants it any more: a walk whose client closed its socket, and every walk
 * or snapshot when heapscope closes. Each walk's end is read from its JFR event (dev.heapscope.Walk).
 */
class CancellationTest {

    /**
     * Large enough that a walk of it is still running moments after a probe saw it start (walks go by
     * compressed reference now: ~0.1 s in memory order), its elements shuffled so that every object is a
     * cache miss for the walker.
     */
    static final int BIG = 3_000_000;
    static Object[] big;

    @TempDir
    Path dir;

    @BeforeAll
    static void bigGraph() {
        big = new Object[BIG];
        for (int i = 0; i < BIG; i++) {
            big[i] = new int[] {i};
        }
        Collections.shuffle(Arrays.asList(big), new Random(42));
    }

    /** Sends a walk of "big" with generous limits on its own connection, left open. */
    static Socket startBigWalk(Heapscope heapscope) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), heapscope.port());
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/roots/big/size?maxObjects=50000000&timeLimitMs=60000 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /**
     * Starts heavy work and returns once a probe (a walk of the tiny root "small") is refused as busy. The
     * probe takes the heavy-operation permit itself for a moment: when it wins the race and the work is
     * refused (or the work ended before a probe saw it), the work is discarded and started again.
     */
    static <W> W startAndAwaitBusy(Http http, Supplier<W> start, Predicate<W> ended, Consumer<W> discard) {
        AtomicReference<W> work = new AtomicReference<>(start.get());
        return Deadline.await("the heavy operation to be running", Duration.ofSeconds(60), () -> {
            if (http.get("/roots/small/size").statusCode() == 429) {
                return work.get();
            }
            if (ended.test(work.get())) {
                discard.accept(work.get());
                work.set(start.get());
            }
            return null;
        });
    }

    static Socket startBigWalkAndAwaitBusy(Heapscope heapscope, Http http) {
        return startAndAwaitBusy(http, () -> {
            try {
                return startBigWalk(heapscope);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, socket -> {
            try {
                return socket.getInputStream().available() > 0; // an answer came: refused, or done already
            } catch (IOException e) {
                return true;
            }
        }, socket -> {
            try {
                socket.close();
            } catch (IOException e) {
                // it is being replaced
            }
        });
    }

    private List<RecordedEvent> walkEvents(Recording recording) throws IOException {
        Path file = dir.resolve("walks.jfr");
        recording.dump(file);
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.heapscope.Walk"))
                .filter(e -> e.getString("root").equals("big")).toList();
    }

    @Test
    void walk_stops_whenItsClientClosesTheConnection_andThePermitIsFreeAgain() throws Exception {
        List<Object> small = new ArrayList<>(List.of("x"));
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start();
             Recording recording = new Recording()) {
            recording.enable("dev.heapscope.Walk");
            recording.start();
            heapscope.register("big", big);
            heapscope.register("small", small);
            Http http = new Http(heapscope.uri());

            Socket client = startBigWalkAndAwaitBusy(heapscope, http);
            client.close();

            Deadline.within(Duration.ofSeconds(30)).until("the heavy-operation permit to be free",
                    () -> http.get("/roots/small/size").statusCode() == 200);
            List<RecordedEvent> walks = walkEvents(recording);
            RecordedEvent walk = walks.get(walks.size() - 1);
            assertThat(walk.getBoolean("truncated")).isTrue();
            assertThat(walk.getString("stoppedBecause")).isEqualTo("cancelled: the client closed the connection");
            assertThat(walk.getLong("objectsVisited")).isLessThan(BIG);
        }
        assertThat(small).hasSize(1);
    }

    @Test
    void reads_areAnswered_whileAWalkHoldsTheHeavyPermit() throws Exception {
        List<Object> small = new ArrayList<>(List.of("x"));
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            heapscope.register("big", big);
            heapscope.register("small", small);
            heapscope.snapshots().take("a");
            heapscope.snapshots().take("b");
            Http http = new Http(heapscope.uri());

            // a walk of "big" takes ~0.1 s since walks go by compressed reference: the reads must all be
            // answered between two probes that find the walk running; a read that waited for the walk
            // would be answered after it ended, every time, and the deadline would fail the test
            List<Integer> reads = Deadline.await("six reads answered while one walk ran", Duration.ofSeconds(60),
                    () -> readsDuringOneWalk(heapscope, http));

            assertThat(reads).containsOnly(200);
        }
        assertThat(small).hasSize(1);
    }

    /** The reads' statuses when the walk was still running after them, else null (the client leaves). */
    private static List<Integer> readsDuringOneWalk(Heapscope heapscope, Http http) {
        try (Socket client = startBigWalkAndAwaitBusy(heapscope, http)) {
            List<Integer> reads = List.of(http.get("/snapshots"), http.get("/snapshots/b"),
                    http.get("/snapshots/b/statistics?groupBy=type"), http.get("/snapshots/b/compare/a?groupBy=type"),
                    http.get("/roots"), http.get("/tracing")).stream().map(r -> r.statusCode()).toList();
            return http.get("/roots/small/size").statusCode() == 429 ? reads : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void walk_keepsItsKeepAliveConnection_whenTheClientStays() throws Exception {
        List<Object> small = new ArrayList<>(List.of("x"));
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            heapscope.register("small", small);
            Http http = new Http(heapscope.uri());
            for (int i = 0; i < 20; i++) {
                assertThat(http.get("/roots/small/size").statusCode()).isEqualTo(200);
                assertThat(http.get("/tracing").statusCode()).isEqualTo(200);
            }
        }
        assertThat(small).hasSize(1);
    }

    @Test
    void close_duringAWalk_returnsWithin5Seconds_andLeavesNothingBehind() throws Exception {
        List<Object> small = new ArrayList<>(List.of("x"));
        int recordings = FlightRecorder.getFlightRecorder().getRecordings().size();
        Heapscope heapscope = Heapscope.builder().port(0).start();
        int port = heapscope.port();
        try (Recording recording = new Recording()) {
            recording.enable("dev.heapscope.Walk");
            recording.start();
            heapscope.register("big", big);
            heapscope.register("small", small);
            heapscope.tracing().start(dev.heapscope.tracing.TracingSettings.DEFAULTS);
            try (Socket client = startBigWalkAndAwaitBusy(heapscope, new Http(heapscope.uri()))) {
                assertThat(timeToClose(heapscope)).isLessThan(Duration.ofSeconds(5));
            }
            assertThat(walkEvents(recording)).last().satisfies(walk ->
                    assertThat(walk.getString("stoppedBecause")).isEqualTo("cancelled: heapscope is stopping"));
        } finally {
            heapscope.close(); // when an assertion failed first: later tests must not see its threads
        }
        assertNothingLeftBehind(port, recordings);
        assertThat(small).hasSize(1);
    }

    @Test
    void close_duringASnapshot_returnsWithin5Seconds_andLeavesNothingBehind() throws Exception {
        List<Object> small = new ArrayList<>(List.of("x"));
        int recordings = FlightRecorder.getFlightRecorder().getRecordings().size();
        Heapscope heapscope = Heapscope.builder().port(0).start();
        int port = heapscope.port();
        heapscope.register("big", big);
        heapscope.register("small", small);
        heapscope.tracing().start(dev.heapscope.tracing.TracingSettings.DEFAULTS);
        Http http = new Http(heapscope.uri());
        AtomicInteger attempt = new AtomicInteger();
        try {
            CompletableFuture<Void> snapshot = startAndAwaitBusy(http, () -> CompletableFuture.runAsync(() -> {
                try {
                    http.post("/snapshots", "{\"name\":\"during-close-" + attempt.incrementAndGet() + "\"}");
                } catch (RuntimeException e) {
                    // the connection may close under the request: heapscope is stopping
                }
            }), CompletableFuture::isDone, done -> heapscope.snapshots().list()
                    .forEach(taken -> heapscope.snapshots().delete(taken.name())));

            assertThat(timeToClose(heapscope)).isLessThan(Duration.ofSeconds(5));
            snapshot.get();
            assertThat(heapscope.snapshots().list()).isEmpty();
        } finally {
            heapscope.close();
        }
        assertNothingLeftBehind(port, recordings);
        assertThat(small).hasSize(1);
    }

    static Duration timeToClose(Heapscope heapscope) {
        long start = System.nanoTime();
        heapscope.close();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static void assertNothingLeftBehind(int port, int recordingsBefore) throws Exception {
        assertThat(LifecycleTest.heapscopeThreads()).isEmpty();
        assertThat(FlightRecorder.getFlightRecorder().getRecordings()).hasSize(recordingsBefore);
        assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("dev.heapscope:*"), null))
                .isEmpty();
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
