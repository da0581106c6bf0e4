package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The admin script, run as documented: java -cp heapscope-demo.jar example.admin.LeakHunt. */
class LeakHuntTest {

    @Test
    void leakHunt_printsGrowingLinesAndTypes_andExits0() {
        try (DemoProcess demo = DemoProcess.demo("--port", "0")) {
            int port = demo.awaitPort(Duration.ofSeconds(20));

            try (DemoProcess hunt = DemoProcess.run("example.admin.LeakHunt",
                    "--url", "http://127.0.0.1:" + port + "/api/v1", "--wait-seconds", "15")) {
                int exit = hunt.awaitExit(Duration.ofSeconds(40));

                assertThat(exit).as(hunt.output()).isZero();
                assertThat(hunt.output())
                        .contains("Top 10 growing lines")
                        .contains("sizes: ESTIMATED")
                        .contains(DemoServiceTest.SESSION_CACHE_FILE)
                        .contains("Top 10 growing types")
                        .contains("sizes: EXACT")
                        // the sessions' payload buffers: the session objects themselves are too small to rank
                        .containsPattern("\\+[\\d,]+\\s+byte\\[\\]");
            }
        }
    }

    @Test
    void leakHunt_printsTheProblem_andExits1_whenNobodyListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (DemoProcess hunt = DemoProcess.run("example.admin.LeakHunt",
                "--url", "http://127.0.0.1:" + closedPort + "/api/v1", "--wait-seconds", "1")) {
            assertThat(hunt.awaitExit(Duration.ofSeconds(20))).isEqualTo(1);
            assertThat(hunt.output()).contains("LeakHunt: reading the tracing state failed: no answer from heapscope");
        }
    }

    @Test
    void leakHunt_rejectsBadArguments_withUsageAndExitCode2() {
        try (DemoProcess hunt = DemoProcess.run("example.admin.LeakHunt", "--wait-seconds", "0")) {
            assertThat(hunt.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
            assertThat(hunt.output()).contains("out of range 1..3600").contains("Usage: java -cp heapscope-demo.jar example.admin.LeakHunt");
        }
    }
}
