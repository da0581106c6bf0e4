package dev.heapscope.heap;

import dev.heapscope.Doc;

/** Unused bytes in an object layout. */
@Doc("unused bytes in an object layout")
public record LayoutGap(@Doc("the byte offset where the gap starts") long offset,
                        @Doc("its length in bytes") long size,
                        @Doc("true for the padding at the end to the VM's alignment, false for a gap between fields")
                        boolean alignment) {
}
