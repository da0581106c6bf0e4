package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo's command line and its shutdown, run as a user runs it: java -jar heapscope-demo.jar. */
class DemoCommandLineTest {

    @Test
    void demo_rejectsBadPort_withUsageAndExitCode2() {
        try (DemoProcess demo = DemoProcess.demo("--port", "seventy")) {
            assertThat(demo.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
            assertThat(demo.output()).contains("port 'seventy' is not a whole number").contains("Usage: java -jar");
        }
    }

    @Test
    void demo_rejectsUnknownArgument_withUsageAndExitCode2() {
        try (DemoProcess demo = DemoProcess.demo("--verbose")) {
            assertThat(demo.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
            assertThat(demo.output()).contains("Unknown option: '--verbose'").contains("Usage: java -jar");
        }
    }

    @Test
    void sigterm_closesHeapscopeCleanly() {
        try (DemoProcess demo = DemoProcess.demo("--port", "0")) {
            demo.awaitPort(Duration.ofSeconds(20));

            demo.terminate();

            int exit = demo.awaitExit(Duration.ofSeconds(15));
            assertThat(demo.output()).as("exit status %d", exit).contains("heapscope closed");
        }
    }
}
