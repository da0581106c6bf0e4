package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.leaky.StaticMapLeak;
import dev.heapscope.Heapscope;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Watch MXBean over a real RMI connector: the REST calls mirrored, and a notification per new suspect. */
class JmxWatchTest {

    static Heapscope heapscope;
    static RmiJmx jmx;
    static MBeanServerConnection connection;
    static ObjectName watch;

    @BeforeAll
    static void start() throws Exception {
        heapscope = Heapscope.builder().port(0).start();
        jmx = RmiJmx.start();
        connection = jmx.connection();
        watch = heapscope.mbeanNames().stream().filter(n -> n.getKeyProperty("type").equals("Watch")).findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        jmx.close();
        heapscope.close();
        StaticMapLeak.release();
    }

    @Test
    void start_status_stop_mirrorTheRestCalls_andANewSuspectIsNotified() throws Exception {
        NotificationQueue notifications = new NotificationQueue();
        connection.addNotificationListener(watch, notifications, null, null);
        AtomicBoolean leaking = new AtomicBoolean(true);
        Thread leak = new Thread(() -> {
            while (leaking.get()) {
                StaticMapLeak.leak(200);
                // pacing the leak, not waiting for a condition
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }, "jmx-watch-test-leak");
        leak.setDaemon(true);
        leak.start();
        try {
            CompositeData started = (CompositeData) connection.invoke(watch, "start", new Object[] {5, 4, 0},
                    new String[] {"int", "int", "int"});
            assertThat(started.get("watching")).isEqualTo(true);
            assertThat(((CompositeData) started.get("settings")).get("minGrowingIntervals")).isEqualTo(3);

            Notification suspect = notifications.next("dev.heapscope.watch.suspect", Duration.ofSeconds(60));

            CompositeData event = (CompositeData) suspect.getUserData();
            assertThat(event.get("kind")).isEqualTo("TYPE");
            assertThat(suspect.getMessage()).isEqualTo("new leak suspect: " + event.get("key"));
            assertThat((Double) event.get("countPerHour")).isPositive();
            CompositeData status = (CompositeData) connection.getAttribute(watch, "Status");
            assertThat((CompositeData[]) status.get("suspects")).isNotEmpty();
            assertThat((CompositeData[]) status.get("snapshots")).hasSizeGreaterThanOrEqualTo(4);
            assertThatThrownBy(() -> connection.invoke(watch, "start", new Object[] {60, 4, 0},
                    new String[] {"int", "int", "int"})).hasMessageContaining("stop it first");
        } finally {
            leaking.set(false);
            connection.removeNotificationListener(watch, notifications);
        }
        CompositeData stopped = (CompositeData) connection.invoke(watch, "stop", new Object[0], new String[0]);
        assertThat(stopped.get("watching")).isEqualTo(false);
    }
}
