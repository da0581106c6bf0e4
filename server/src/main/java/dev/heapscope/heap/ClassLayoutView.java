package dev.heapscope.heap;

import java.util.List;

/**
 * Field layout of instances of one class on this VM, as JOL models it.
 *
 * @param className          {@link Class#getName()}
 * @param headerBytes        object header size in bytes (for arrays: header plus length, i.e. the base offset)
 * @param instanceBytes      size of one instance in bytes (for arrays: of an empty array)
 * @param arrayElementBytes  bytes per element for array classes, 0 otherwise
 * @param fields             instance fields by offset, superclass fields included
 * @param gaps               internal gaps and the final alignment padding, by offset
 * @param internalLossBytes  bytes lost to gaps between fields
 * @param externalLossBytes  bytes lost to padding at the end
 * @param totalLossBytes     their sum
 */
public record ClassLayoutView(String className, long headerBytes, long instanceBytes, long arrayElementBytes,
                              List<FieldView> fields, List<LayoutGap> gaps,
                              long internalLossBytes, long externalLossBytes, long totalLossBytes) {
    public ClassLayoutView {
        fields = List.copyOf(fields);
        gaps = List.copyOf(gaps);
    }
}
