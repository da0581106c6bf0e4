package dev.heapscope.jmx;

import dev.heapscope.heap.ClassLayoutView;
import dev.heapscope.heap.FieldView;
import dev.heapscope.heap.LayoutGap;
import java.util.List;

/** One class's field layout on this JVM (JOL's ClassLayout) as JMX clients see it: fields and gaps as arrays. */
public final class LayoutView {

    private final ClassLayoutView layout;

    LayoutView(ClassLayoutView layout) {
        this.layout = layout;
    }

    /** {@code Class.getName()}, as REST's {@code /layout} reports it. */
    public String getClassName() {
        return layout.className();
    }

    /** The object header in bytes (for arrays: header and length, the base offset). */
    public long getHeaderBytes() {
        return layout.headerBytes();
    }

    /** One instance's size in bytes (for arrays: an empty one). */
    public long getInstanceBytes() {
        return layout.instanceBytes();
    }

    /** Bytes per element of an array class; 0 otherwise. */
    public long getArrayElementBytes() {
        return layout.arrayElementBytes();
    }

    /** Instance fields by offset, inherited ones included. */
    public List<Field> getFields() {
        return layout.fields().stream().map(Field::new).toList();
    }

    /** Gaps between fields and the final alignment padding, by offset. */
    public List<Gap> getGaps() {
        return layout.gaps().stream().map(Gap::new).toList();
    }

    public long getInternalLossBytes() {
        return layout.internalLossBytes();
    }

    public long getExternalLossBytes() {
        return layout.externalLossBytes();
    }

    public long getTotalLossBytes() {
        return layout.totalLossBytes();
    }

    /** One instance field. */
    public static final class Field {

        private final FieldView field;

        Field(FieldView field) {
            this.field = field;
        }

        public String getName() {
            return field.name();
        }

        public String getType() {
            return field.type();
        }

        /** The class declaring it: a superclass for an inherited field. */
        public String getDeclaringClass() {
            return field.declaringClass();
        }

        public long getOffset() {
            return field.offset();
        }

        public long getSize() {
            return field.size();
        }
    }

    /** Unused bytes. */
    public static final class Gap {

        private final LayoutGap gap;

        Gap(LayoutGap gap) {
            this.gap = gap;
        }

        public long getOffset() {
            return gap.offset();
        }

        public long getSize() {
            return gap.size();
        }

        /** True for the padding at the end to the VM's alignment, false for a gap between fields. */
        public boolean isAlignment() {
            return gap.alignment();
        }
    }
}
