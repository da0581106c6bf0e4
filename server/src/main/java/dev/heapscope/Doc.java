package dev.heapscope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a value heapscope reports means, for someone who reads it without the source: on a record (the
 * value), on each of its components, and on a public method that adds a derived figure (such as an
 * average). The JMX adapter shows these texts in every CompositeType and refuses a reported record with
 * an undescribed component; its beans describe their attributes and operations with it too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Doc {

    /** One or two sentences with the unit (bytes, ms) and what null or 0 means, if either can occur. */
    String value();
}
