package dev.heapscope.heap;

/**
 * One group of a reference tree flattened into rows by {@link RefsReport#rows()}: its parent is the nearest row
 * above it one level shallower.
 *
 * @param depth         levels below the root, 0 for the root
 * @param path          field names from the root, e.g. {@code listeners/elementData/[*]}; empty for the root
 * @param field         the parent's field, {@code [*]} for array elements, empty for the root
 * @param type          the objects' readable type
 * @param count         objects in the group
 * @param shallowBytes  their own size in bytes
 * @param deepBytes     shallowBytes plus everything first reached below them
 * @param otherChildren child groups left out of the rows
 * @param otherBytes    their deep bytes
 */
public record RefRow(int depth, String path, String field, String type, long count, long shallowBytes,
                     long deepBytes, int otherChildren, long otherBytes) {
}
