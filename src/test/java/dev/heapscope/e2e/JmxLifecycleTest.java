package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.Heapscope;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registering and unregistering heapscope's MXBeans, seen through a real RMI connector. */
class JmxLifecycleTest {

    static RmiJmx jmx;
    static MBeanServerConnection connection;

    @BeforeAll
    static void start() throws Exception {
        jmx = RmiJmx.start();
        connection = jmx.connection();
    }

    @AfterAll
    static void stop() throws Exception {
        jmx.close();
    }

    @Test
    void close_unregistersEveryBean_overRmiConnector() throws Exception {
        Heapscope heapscope = Heapscope.builder().port(0).start();
        List<ObjectName> names = heapscope.mbeanNames();
        assertThat(connection.queryNames(new ObjectName("dev.heapscope:*"), null)).containsAll(names).isNotEmpty();

        heapscope.close();

        assertThat(connection.queryNames(new ObjectName("dev.heapscope:*"), null)).doesNotContainAnyElementsOf(names);
        assertThat(heapscope.mbeanNames()).isEmpty();
    }

    @Test
    void secondInstance_registersUnderNameKey_withoutClash() throws Exception {
        try (Heapscope first = Heapscope.builder().port(0).start();
             Heapscope second = Heapscope.builder().port(0).start()) {
            assertThat(first.mbeanNames()).contains(new ObjectName("dev.heapscope:type=Tracing"));
            assertThat(second.mbeanNames()).contains(new ObjectName("dev.heapscope:type=Tracing,name=2"));
            assertThat(connection.queryNames(new ObjectName("dev.heapscope:*"), null)).hasSize(10);
        }
    }

    @Test
    void jmxName_namesTheBeans() throws Exception {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmxName("orders").start()) {
            assertThat(connection.isRegistered(new ObjectName("dev.heapscope:type=Snapshots,name=orders"))).isTrue();
        }
    }

    @Test
    void start_fails_whenJmxNameIsTaken() {
        try (Heapscope first = Heapscope.builder().port(0).jmxName("orders").start()) {
            assertThatThrownBy(() -> Heapscope.builder().port(0).jmxName("orders").start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dev.heapscope:type=Tracing,name=orders")
                    .hasMessageContaining("is taken");
            assertThat(first.mbeanNames()).hasSize(5);
        }
    }

    @Test
    void jmxFalse_registersNoBean() throws Exception {
        int before = connection.queryNames(new ObjectName("dev.heapscope:*"), null).size();
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            assertThat(heapscope.mbeanNames()).isEmpty();
            assertThat(connection.queryNames(new ObjectName("dev.heapscope:*"), null)).hasSize(before);
        }
    }
}
