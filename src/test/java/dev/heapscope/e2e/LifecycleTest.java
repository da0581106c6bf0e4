package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.Heapscope;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;

/** Starting and stopping heapscope: what it binds, what it refuses, and what close() gives back. */
class LifecycleTest {

    @Test
    void close_freesPort_stopsRecording_andLeavesNoHeapscopeThread() throws IOException {
        int recordingsBefore = FlightRecorder.getFlightRecorder().getRecordings().size();
        Heapscope heapscope = Heapscope.builder().port(0).start();
        int port = heapscope.port();
        Http http = new Http(heapscope.uri());
        assertThat(http.post("/tracing/start", "{}").statusCode()).isEqualTo(200);
        assertThat(http.post("/snapshots", "{\"name\":\"one\"}").statusCode()).isEqualTo(201);
        assertThat(heapscopeThreads()).isNotEmpty();

        heapscope.close();

        assertThat(heapscopeThreads()).isEmpty();
        assertThat(FlightRecorder.getFlightRecorder().getRecordings()).hasSize(recordingsBefore);
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void close_isIdempotent() {
        Heapscope heapscope = Heapscope.builder().port(0).start();
        heapscope.close();
        heapscope.close();
        assertThat(heapscopeThreads()).isEmpty();
    }

    @Test
    void start_bindsLoopbackByDefault() {
        try (Heapscope heapscope = Heapscope.builder().port(0).start()) {
            assertThat(heapscope.uri().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void start_refusesNonLoopbackAddress_withoutToken() {
        assertThatThrownBy(() -> Heapscope.builder().host("0.0.0.0").port(0).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without an access token");
        assertThat(heapscopeThreads()).isEmpty();
    }

    @Test
    void start_failsClearly_whenPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Heapscope.builder().port(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not listen on 127.0.0.1:" + taken.getLocalPort());
        }
        assertThat(heapscopeThreads()).isEmpty();
    }

    @Test
    void builder_rejectsBadValues_naming_them() {
        assertThatThrownBy(() -> Heapscope.builder().port(70000)).hasMessageContaining("70000");
        assertThatThrownBy(() -> Heapscope.builder().accessToken("short")).hasMessageContaining("16 characters");
        assertThatThrownBy(() -> Heapscope.builder().maxSnapshots(0)).hasMessageContaining("maxSnapshots 0");
    }

    @Test
    void token_isRequired_onEveryRequest_whenConfigured() {
        String token = "s3cret-token-0123456789";
        try (Heapscope heapscope = Heapscope.builder().port(0).accessToken(token).start()) {
            HttpResponse<String> anonymous = new Http(heapscope.uri()).get("/tracing");
            HttpResponse<String> wrong = new Http(heapscope.uri(), "not-the-token-000000").get("/tracing");
            HttpResponse<String> right = new Http(heapscope.uri(), token).get("/tracing");

            ErrorsTest.assertProblem(anonymous, 401, "unauthorized", "Authorization: Bearer");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"heapscope\"");
            ErrorsTest.assertProblem(wrong, 401, "unauthorized", "not valid");
            assertThat(right.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void token_allowsBindingAnyAddress() {
        try (Heapscope heapscope = Heapscope.builder().host("0.0.0.0").port(0)
                .accessToken("s3cret-token-0123456789").start()) {
            assertThat(heapscope.port()).isPositive();
        }
    }

    static Set<String> heapscopeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("heapscope-"))
                .collect(Collectors.toSet());
    }
}
