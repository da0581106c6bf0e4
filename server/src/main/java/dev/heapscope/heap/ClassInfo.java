package dev.heapscope.heap;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What a walk needs to know about one class, computed once per class: its boundary kind, the
 * offsets and names of its non-static reference fields (superclasses included, like JOL), and
 * its size rule.
 */
final class ClassInfo {

    static final int KIND_CLASS = 1 << Boundary.CLASSES.ordinal();
    static final int KIND_CLASS_LOADER = 1 << Boundary.CLASS_LOADERS.ordinal();
    static final int KIND_THREAD = 1 << Boundary.THREADS.ordinal();

    private static final long NOT_YET_MEASURED = -1;

    final int id;
    final Class<?> type;
    final int kind;
    final boolean referenceArray;
    final boolean primitiveArray;
    /** Holds no references: a primitive array or an instance without reference fields. */
    final boolean leaf;
    final long arrayBase;
    final long arrayScale;
    /** Offsets of all reference fields, in {@link #fieldNames} order. */
    final long[] fieldOffsets;
    /** The same without {@code Reference.referent}; the same array if the class has no referent. */
    final long[] fieldOffsetsWithoutReferent;
    /** Slot numbers into {@link #fieldNames}, parallel to {@link #fieldOffsetsWithoutReferent}. */
    final int[] slotsWithoutReferent;
    final String[] fieldNames;
    /** Class mirrors differ in size (their static fields live in them), so they are not cached. */
    final boolean sizeVariesPerInstance;
    private volatile long instanceSize;

    ClassInfo(int id, Class<?> type, FieldReader reader, ArrayShape shape) {
        this.id = id;
        this.type = type;
        this.kind = kindOf(type);
        this.referenceArray = type.isArray() && !type.getComponentType().isPrimitive();
        this.primitiveArray = type.isArray() && type.getComponentType().isPrimitive();
        this.arrayBase = type.isArray() ? shape.base(type) : 0;
        this.arrayScale = type.isArray() ? shape.scale(type) : 0;
        this.sizeVariesPerInstance = type == Class.class;

        List<Long> offsets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int referentSlot = -1;
        long mirroredSize = NOT_YET_MEASURED;
        for (Class<?> c = type; c != null && !type.isArray(); c = c.getSuperclass()) {
            List<Field> declared = instanceFields(c);
            LayoutMirror mirror = needsMirror(c) ? LayoutMirror.of(c, declared) : null;
            if (mirror != null && c == type) {
                mirroredSize = mirror.instanceSize();
            }
            for (int i = 0; i < declared.size(); i++) {
                Field f = declared.get(i);
                if (f.getType().isPrimitive()) {
                    continue;
                }
                long offset = mirror == null ? reader.offsetOf(f) : mirroredOffset(reader, mirror, i);
                if (offset < 0) {
                    continue;
                }
                if (c == java.lang.ref.Reference.class && f.getName().equals("referent")) {
                    referentSlot = names.size();
                }
                offsets.add(offset);
                names.add(f.getName());
            }
        }
        this.instanceSize = mirroredSize;
        this.fieldNames = names.toArray(String[]::new);
        this.fieldOffsets = offsets.stream().mapToLong(Long::longValue).toArray();
        int kept = referentSlot < 0 ? fieldNames.length : fieldNames.length - 1;
        this.fieldOffsetsWithoutReferent = new long[kept];
        this.slotsWithoutReferent = new int[kept];
        this.leaf = primitiveArray || (!referenceArray && fieldOffsets.length == 0);
        for (int slot = 0, k = 0; slot < fieldNames.length; slot++) {
            if (slot != referentSlot) {
                fieldOffsetsWithoutReferent[k] = fieldOffsets[slot];
                slotsWithoutReferent[k++] = slot;
            }
        }
    }

    /** Shallow size of {@code o}, an instance of this class, as JOL's model of this VM gives it. */
    long sizeOf(Object o, ArrayShape shape) {
        if (referenceArray || primitiveArray) {
            return arraySize(java.lang.reflect.Array.getLength(o), shape);
        }
        return instanceSize(o, shape);
    }

    /** Size of an array of this class with {@code length} elements: base + scale * length, aligned (as JOL). */
    long arraySize(int length, ArrayShape shape) {
        return shape.align(arrayBase + arrayScale * length);
    }

    /** Size of {@code o}, a non-array instance of this class; measured once per class by JOL. */
    long instanceSize(Object o, ArrayShape shape) {
        if (sizeVariesPerInstance) {
            return shape.sizeOfInstance(o);
        }
        long size = instanceSize;
        if (size == NOT_YET_MEASURED) {
            // JOL sizes instances from a live object (Instrumentation when it has one, else its layouter).
            size = shape.sizeOfInstance(o);
            instanceSize = size;
        }
        return size;
    }

    String typeName() {
        return TypeNames.of(type);
    }

    private static int kindOf(Class<?> type) {
        int k = 0;
        if (type == Class.class) {
            k |= KIND_CLASS;
        }
        if (ClassLoader.class.isAssignableFrom(type)) {
            k |= KIND_CLASS_LOADER;
        }
        if (Thread.class.isAssignableFrom(type)) {
            k |= KIND_THREAD;
        }
        return k;
    }

    /** Records and hidden classes: {@code Unsafe.objectFieldOffset} refuses their fields. */
    private static boolean needsMirror(Class<?> c) {
        return c.isHidden() || c.isRecord();
    }

    private static long mirroredOffset(FieldReader reader, LayoutMirror mirror, int index) {
        try {
            return reader.offsetOf(mirror.field(index));
        } catch (NoSuchFieldException impossible) {
            return -1;
        }
    }

    /** Declared non-static fields in declaration order (the order HotSpot lays them out in). */
    private static List<Field> instanceFields(Class<?> c) {
        List<Field> result = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                result.add(f);
            }
        }
        return result;
    }
}
