package dev.heapscope.jmx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an operation that changes something (impact ACTION); an unmarked one is a query (impact INFO). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Action {
}
