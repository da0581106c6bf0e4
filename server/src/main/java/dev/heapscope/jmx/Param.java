package dev.heapscope.jmx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation parameter's name and description. The MXBean framework only knows {@code p0, p1, ...}
 * (parameter names are not in the class file without {@code -parameters}), so this is where the names
 * JConsole shows come from.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface Param {

    String name();

    String description();
}
