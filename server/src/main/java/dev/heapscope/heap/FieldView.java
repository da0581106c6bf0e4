package dev.heapscope.heap;

/**
 * One instance field in a {@link ClassLayoutView}.
 *
 * @param name           field name
 * @param type           field type name, e.g. {@code int} or {@code java.lang.String}
 * @param declaringClass class that declares it (a superclass for inherited fields)
 * @param offset         byte offset from the start of the object
 * @param size           bytes it occupies
 */
public record FieldView(String name, String type, String declaringClass, long offset, long size) {
}
