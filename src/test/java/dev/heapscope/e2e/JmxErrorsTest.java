package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.heapscope.Heapscope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failed operation reaches a JMX client as a JDK exception with the core's message: the client has no
 * heapscope class, so anything else would arrive as an unmarshalling error.
 */
class JmxErrorsTest {

    static Heapscope heapscope;
    static RmiJmx jmx;
    static JmxClient client;

    @BeforeAll
    static void start() throws Exception {
        heapscope = Heapscope.builder().port(0).maxSnapshots(1).start();
        jmx = RmiJmx.start();
        client = new JmxClient(jmx.connection(), heapscope);
    }

    @AfterAll
    static void stop() throws Exception {
        jmx.close();
        heapscope.close();
    }

    @AfterEach
    void cleanUp() {
        heapscope.snapshots().list().forEach(s -> heapscope.snapshots().delete(s.name()));
    }

    @Test
    void take_failsWithIllegalArgument_whenNameIsInvalid() {
        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.take("../etc")));

        assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../etc' is invalid")
                .hasNoCause();
    }

    @Test
    void statistics_failsWithIllegalArgument_whenSnapshotIsUnknown() {
        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.statistics("nope", "line", "allocated")));

        assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void statistics_failsWithIllegalArgument_whenGroupByIsUnknown() throws Exception {
        client.take("one");

        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.statistics("one", "color", "live")));

        assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groupBy 'color' is unknown");
    }

    @Test
    void take_failsWithIllegalState_whenStoreIsFull() throws Exception {
        client.take("one");

        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.take("two")));

        assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessageNotContaining("Exception");
        assertThat(failure.getMessage()).isNotBlank();
    }

    @Test
    void start_failsWithIllegalArgument_whenStackDepthIsOutOfRange() {
        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.startTracing(65, 150)));

        assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("65");
    }

    @Test
    void histogram_failsWithIllegalArgument_whenLimitIsOutOfRange() {
        Throwable failure = JmxClient.clientSide(catchThrowable(() -> client.histogram(0)));

        assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit 0");
    }

    @Test
    void failures_carryOnlyJdkClasses_toTheClient() {
        Throwable thrown = catchThrowable(() -> client.delete("nope"));

        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t.getClass().getName()).as(String.valueOf(thrown)).startsWith("java");
        }
    }
}
