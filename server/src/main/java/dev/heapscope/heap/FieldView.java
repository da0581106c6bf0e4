package dev.heapscope.heap;

import dev.heapscope.Doc;

/** One instance field in a {@link ClassLayoutView}. */
@Doc("one instance field of a class layout")
public record FieldView(@Doc("the field's name") String name,
                        @Doc("its declared type, e.g. int or java.lang.String") String type,
                        @Doc("the class declaring it: a superclass for an inherited field") String declaringClass,
                        @Doc("its byte offset from the start of the object") long offset,
                        @Doc("the bytes it occupies") long size) {
}
