package dev.heapscope.heap;

import dev.heapscope.Doc;

/** One group of a reference tree flattened into rows by {@link RefsReport#rows()}. */
@Doc("the objects of one type reached through one field (or the elements) of the parent row's objects; the"
        + " parent is the nearest row above one level shallower")
public record RefRow(
        @Doc("levels below the root: 0 for the root") int depth,
        @Doc("field names from the root, e.g. listeners/elementData/[*]; empty for the root") String path,
        @Doc("the parent's field, [*] for array elements, empty for the root") String field,
        @Doc("the objects' readable type") String type,
        @Doc("objects in the group") long count,
        @Doc("their own bytes together") long shallowBytes,
        @Doc("shallowBytes plus everything first reached below these objects, bytes") long deepBytes,
        @Doc("child groups left out of the rows (only the biggest are kept)") int otherChildren,
        @Doc("their deep bytes") long otherBytes) {
}
