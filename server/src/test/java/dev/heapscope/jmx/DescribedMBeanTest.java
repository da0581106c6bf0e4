package dev.heapscope.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.HeapscopeException;
import javax.management.NotificationBroadcasterSupport;
import org.junit.jupiter.api.Test;

class DescribedMBeanTest {

    @Description("a bean whose operation has no description")
    public interface UndescribedMXBean {
        void act(@Param(name = "what", description = "what to do") String what);
    }

    @Description("a bean whose parameter has no name")
    public interface UnnamedParameterMXBean {
        @Description("does it")
        void act(String what);
    }

    @Description("a bean that fails")
    public interface FailingMXBean {
        @Description("fails with the given kind")
        void fail(@Param(name = "kind", description = "which failure") String kind);
    }

    @Test
    void construction_fails_whenAnOperationIsUndescribed() {
        assertThatThrownBy(() -> new DescribedMBean((UndescribedMXBean) what -> { }, UndescribedMXBean.class,
                new NotificationBroadcasterSupport()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("act");
    }

    @Test
    void construction_fails_whenAParameterIsUnnamed() {
        assertThatThrownBy(() -> new DescribedMBean((UnnamedParameterMXBean) what -> { },
                UnnamedParameterMXBean.class, new NotificationBroadcasterSupport()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@Param");
    }

    @Test
    void invoke_mapsCoreFailures_toJdkExceptionsWithTheSameMessage() {
        DescribedMBean bean = new DescribedMBean((FailingMXBean) kind -> {
            throw switch (kind) {
                case "bad" -> new HeapscopeException.BadRequest("bad input");
                case "missing" -> new HeapscopeException.NotFound("no such thing");
                default -> new HeapscopeException.Busy("busy now", 2);
            };
        }, FailingMXBean.class, new NotificationBroadcasterSupport());
        String[] signature = {"java.lang.String"};

        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"bad"}, signature))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("bad input").hasNoCause();
        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"missing"}, signature))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no such thing");
        assertThatThrownBy(() -> bean.invoke("fail", new Object[] {"busy"}, signature))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("busy now");
    }

    @Test
    void mbeanInfo_namesParametersFromTheirAnnotation() {
        DescribedMBean bean = new DescribedMBean((FailingMXBean) kind -> { }, FailingMXBean.class,
                new NotificationBroadcasterSupport());

        assertThat(bean.getMBeanInfo().getOperations()[0].getSignature()[0].getName()).isEqualTo("kind");
    }
}
