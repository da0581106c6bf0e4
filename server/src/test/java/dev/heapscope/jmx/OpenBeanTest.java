package dev.heapscope.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.jmx.sample.Samples.AnsweringBean;
import dev.heapscope.jmx.sample.Samples.UndescribedBean;
import dev.heapscope.jmx.sample.Samples.UndescribedParameterBean;
import dev.heapscope.tracing.TracingService;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import org.junit.jupiter.api.Test;

class OpenBeanTest {

    static final ObjectName NAME = name();

    static ObjectName name() {
        try {
            return new ObjectName("dev.heapscope.test:type=Test");
        } catch (javax.management.MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void construction_fails_whenAnOperationIsUndescribed() {
        assertThatThrownBy(() -> new OpenBean(NAME, new UndescribedBean()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("UndescribedBean.act has no description");
    }

    @Test
    void construction_fails_whenAParameterIsUndescribed() {
        assertThatThrownBy(() -> new OpenBean(NAME, new UndescribedParameterBean()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("UndescribedParameterBean(what) has no description");
    }

    @Test
    void invoke_mapsCoreFailures_toJdkExceptionsWithTheSameMessage() {
        OpenBean bean = new OpenBean(NAME, new AnsweringBean());
        String[] signature = {"java.lang.String"};

        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"bad"}, signature))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("bad input").hasNoCause();
        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"missing"}, signature))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no such thing");
        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"busy"}, signature))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("busy now");
    }

    @Test
    void mbeanInfo_namesAndDescribesParameters() {
        OpenBean bean = new OpenBean(NAME, new AnsweringBean());

        MBeanOperationInfo fail = bean.getMBeanInfo().getOperations()[0];
        MBeanParameterInfo kind = fail.getSignature()[0];

        assertThat(kind.getName()).isEqualTo("kind");
        assertThat(kind.getDescription()).isEqualTo("which failure");
        assertThat(kind.getType()).isEqualTo("java.lang.String");
    }

    @Test
    void getAttribute_returnsCompositeData_ofTheTypeItsInfoDeclares() throws Exception {
        OpenBean bean = new OpenBean(NAME, new AnsweringBean());

        CompositeData answer = (CompositeData) bean.getAttribute("Answer");

        assertThat(answer.get("size")).isEqualTo(42L);
        assertThat(bean.getMBeanInfo().getAttributes()[0].getDescriptor().getFieldValue("openType"))
                .isInstanceOf(CompositeType.class).isEqualTo(answer.getCompositeType());
        assertThat(bean.getMBeanInfo().getAttributes()[0].getType()).isEqualTo(CompositeData.class.getName());
    }

    @Test
    void mbeanInfo_marksOperationsThatChangeSomething_asActions() {
        try (TracingService tracing = new TracingService()) {
            OpenBean bean = new OpenBean(NAME, new TracingBean(tracing));

            assertThat(bean.getMBeanInfo().getOperations()).extracting(op -> op.getName() + " " + op.getImpact())
                    .containsExactlyInAnyOrder("start 1", "startWithDefaults 1", "stop 1", "resetPeak 1");
        }
    }
}
