package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Heapscope;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.OpenType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What JConsole sees of heapscope's MXBeans through a real RMI connector: names, descriptions, open types. */
class JmxDescriptionsTest {

    static Heapscope heapscope;
    static RmiJmx jmx;
    static MBeanServerConnection connection;

    @BeforeAll
    static void start() throws Exception {
        heapscope = Heapscope.builder().port(0).start();
        jmx = RmiJmx.start();
        connection = jmx.connection();
    }

    @AfterAll
    static void stop() throws Exception {
        jmx.close();
        heapscope.close();
    }

    @Test
    void beans_areFoundByDomainPattern_overRmiConnector() throws Exception {
        assertThat(connection.queryNames(new ObjectName("dev.heapscope:*"), null))
                .containsAll(heapscope.mbeanNames());
        assertThat(heapscope.mbeanNames()).extracting(name -> name.getKeyProperty("type"))
                .containsExactly("Tracing", "Snapshots", "Heap", "Roots", "Watch");
    }

    @Test
    void mbeanInfo_describesEveryAttributeOperationAndParameter_overRmiConnector() throws Exception {
        for (ObjectName name : heapscope.mbeanNames()) {
            MBeanInfo info = connection.getMBeanInfo(name);
            assertThat(info.getDescription()).as(name.toString()).isNotBlank();
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                assertDescribed(name + " attribute " + attribute.getName(), attribute.getDescription());
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                assertDescribed(name + " operation " + operation.getName(), operation.getDescription());
                for (MBeanParameterInfo parameter : operation.getSignature()) {
                    String what = name + " " + operation.getName() + " parameter " + parameter.getName();
                    assertThat(parameter.getName()).as(what).doesNotMatch("p\\d+");
                    assertDescribed(what, parameter.getDescription());
                }
            }
            for (MBeanNotificationInfo notification : info.getNotifications()) {
                assertThat(notification.getDescription()).as(name + " " + notification.getNotifTypes()[0])
                        .isNotBlank().contains("; userData: ");
                // what the userData is, as its open type describes it
                assertDescribed(name + " " + notification.getNotifTypes()[0] + " userData",
                        notification.getDescription().substring(notification.getDescription()
                                .indexOf("; userData: ") + "; userData: ".length()));
            }
        }
    }

    @Test
    void everyAttributeOperationAndParameter_hasAnOpenType_overRmiConnector() throws Exception {
        List<String> notOpen = new ArrayList<>();
        for (ObjectName name : heapscope.mbeanNames()) {
            MBeanInfo info = connection.getMBeanInfo(name);
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                checkOpen(name + " attribute " + attribute.getName(), attribute.getDescriptor().getFieldValue("openType"),
                        notOpen);
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                checkOpen(name + " " + operation.getName() + " result",
                        operation.getDescriptor().getFieldValue("openType"), notOpen);
                for (MBeanParameterInfo parameter : operation.getSignature()) {
                    checkOpen(name + " " + operation.getName() + " " + parameter.getName(),
                            parameter.getDescriptor().getFieldValue("openType"), notOpen);
                }
            }
        }
        assertThat(notOpen).isEmpty();
    }

    @Test
    void tracingAndSnapshots_declareTheirNotifications() throws Exception {
        assertThat(notificationTypes("Tracing"))
                .containsExactlyInAnyOrder("dev.heapscope.tracing.started", "dev.heapscope.tracing.stopped");
        assertThat(notificationTypes("Snapshots"))
                .containsExactlyInAnyOrder("dev.heapscope.snapshot.taken", "dev.heapscope.snapshot.deleted");
        assertThat(notificationTypes("Watch")).containsExactly("dev.heapscope.watch.suspect");
    }

    private static List<String> notificationTypes(String type) throws Exception {
        ObjectName name = heapscope.mbeanNames().stream()
                .filter(n -> n.getKeyProperty("type").equals(type)).findFirst().orElseThrow();
        return java.util.Arrays.stream(connection.getMBeanInfo(name).getNotifications())
                .flatMap(n -> java.util.Arrays.stream(n.getNotifTypes())).toList();
    }

    private static void assertDescribed(String what, String description) {
        // the JDK's defaults when nobody described the member
        assertThat(description).as(what).isNotBlank()
                .isNotEqualTo("Attribute exposed for management")
                .isNotEqualTo("Operation exposed for management")
                .doesNotStartWith("Information on the management interface");
    }

    private static void checkOpen(String what, Object openType, List<String> notOpen) {
        // void results are described by SimpleType.VOID, itself an open type
        if (!(openType instanceof OpenType<?>)) {
            notOpen.add(what + ": " + openType);
        }
    }
}
