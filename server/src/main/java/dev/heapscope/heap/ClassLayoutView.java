package dev.heapscope.heap;

import dev.heapscope.Doc;
import java.util.List;

/** Field layout of instances of one class on this VM, as JOL models it. */
@Doc("the field layout of one class on this JVM (JOL's ClassLayout)")
public record ClassLayoutView(
        @Doc("Class.getName(), e.g. java.util.HashMap$Node or [B") String className,
        @Doc("the object header in bytes (for arrays: header and length, the base offset)") long headerBytes,
        @Doc("one instance's size in bytes (for arrays: an empty one)") long instanceBytes,
        @Doc("bytes per element of an array class; 0 otherwise") long arrayElementBytes,
        @Doc("instance fields by offset, inherited ones included") List<FieldView> fields,
        @Doc("gaps between fields and the final alignment padding, by offset") List<LayoutGap> gaps,
        @Doc("bytes lost to gaps between fields") long internalLossBytes,
        @Doc("bytes lost to the padding at the end") long externalLossBytes,
        @Doc("internalLossBytes plus externalLossBytes") long totalLossBytes) {
    public ClassLayoutView {
        fields = List.copyOf(fields);
        gaps = List.copyOf(gaps);
    }
}
