package dev.heapscope.jmx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.MBeanOperationInfo;

/**
 * The text JConsole and VisualVM show for an MXBean, attribute or operation. {@link DescribedMBean}
 * refuses an interface with an undescribed member, so nothing reaches a console as "Operation exposed
 * for management".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface Description {

    String value();

    /** An operation's {@link MBeanOperationInfo} impact: INFO for queries, ACTION for changes. */
    int impact() default MBeanOperationInfo.INFO;
}
