package dev.heapscope.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.Doc;
import dev.heapscope.HeapscopeException;
import java.util.Map;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import org.junit.jupiter.api.Test;

class OpenBeanTest {

    static final ObjectName NAME = name();

    @Doc("a bean whose operation has no description")
    static final class Undescribed {
        public void act(String what) {
        }
    }

    @Doc("a bean whose parameter has no description")
    static final class UndescribedParameter {
        @Doc("does it")
        public void act(String what) {
        }
    }

    @Doc("a bean that answers and fails")
    static final class Answering {
        @Doc("the answer")
        public Answer getAnswer() {
            return new Answer("yes", 42);
        }

        @Action
        @Doc("fails with the given kind")
        public void fail(String kind) {
            throw switch (kind) {
                case "bad" -> new HeapscopeException.BadRequest("bad input");
                case "missing" -> new HeapscopeException.NotFound("no such thing");
                default -> new HeapscopeException.Busy("busy now", 2);
            };
        }
    }

    @Doc("an answer")
    record Answer(@Doc("what it says") String text, @Doc("how much") int value) {
    }

    static ObjectName name() {
        try {
            return new ObjectName("dev.heapscope.test:type=Test");
        } catch (javax.management.MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void construction_fails_whenAnOperationIsUndescribed() {
        assertThatThrownBy(() -> new OpenBean(NAME, new Undescribed(), Map.of("what", "what to do")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("act").hasMessageContaining("@Doc");
    }

    @Test
    void construction_fails_whenAParameterIsUndescribed() {
        assertThatThrownBy(() -> new OpenBean(NAME, new UndescribedParameter(), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("parameter what of act");
    }

    @Test
    void invoke_mapsCoreFailures_toJdkExceptionsWithTheSameMessage() {
        OpenBean bean = new OpenBean(NAME, new Answering(), Map.of("kind", "which failure"));
        String[] signature = {"java.lang.String"};

        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"bad"}, signature))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("bad input").hasNoCause();
        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"missing"}, signature))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no such thing");
        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"busy"}, signature))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("busy now");
    }

    @Test
    void mbeanInfo_namesAndDescribesParameters_andMarksActions() {
        OpenBean bean = new OpenBean(NAME, new Answering(), Map.of("kind", "which failure"));

        MBeanOperationInfo fail = bean.getMBeanInfo().getOperations()[0];
        MBeanParameterInfo kind = fail.getSignature()[0];

        assertThat(kind.getName()).isEqualTo("kind");
        assertThat(kind.getDescription()).isEqualTo("which failure");
        assertThat(kind.getType()).isEqualTo("java.lang.String");
        assertThat(fail.getImpact()).isEqualTo(MBeanOperationInfo.ACTION);
    }

    @Test
    void getAttribute_returnsCompositeData_ofTheTypeItsInfoDeclares() throws Exception {
        OpenBean bean = new OpenBean(NAME, new Answering(), Map.of("kind", "which failure"));

        CompositeData answer = (CompositeData) bean.getAttribute("Answer");

        assertThat(answer.get("value")).isEqualTo(42);
        assertThat(bean.getMBeanInfo().getAttributes()[0].getDescriptor().getFieldValue("openType"))
                .isInstanceOf(CompositeType.class).isEqualTo(answer.getCompositeType());
        assertThat(bean.getMBeanInfo().getAttributes()[0].getType()).isEqualTo(CompositeData.class.getName());
    }
}
