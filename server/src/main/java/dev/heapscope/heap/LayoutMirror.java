package dev.heapscope.heap;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jol.info.ClassLayout;

/**
 * Field offsets and instance size of records and hidden classes (lambdas), which
 * {@code Unsafe.objectFieldOffset} refuses and JOL 0.17 cannot size.
 *
 * <p>How: HotSpot lays out a class's instance fields from its superclass's layout and the types
 * and order of its declared fields alone; names, the record and hidden flags do not matter, and
 * every reference occupies the same slot size whatever its type. So a plain "mirror" class with
 * the same superclass and the same field kinds in the same order, defined next to this class,
 * has the same layout, and {@code objectFieldOffset} works on it. One mirror per such class,
 * cached with the class's {@link ClassInfo}; a few hundred bytes of metaspace each.
 */
final class LayoutMirror {

    private static final int JAVA_17_CLASS_FILE = 61;
    private static final int ACC_PUBLIC_FINAL_SUPER_SYNTHETIC = 0x0001 | 0x0010 | 0x0020 | 0x1000;
    private static final int ACC_PRIVATE = 0x0002;

    private final Class<?> mirror;

    private LayoutMirror(Class<?> mirror) {
        this.mirror = mirror;
    }

    /**
     * A mirror of {@code fields}, the declared instance fields of {@code type} in declaration order.
     *
     * @throws IllegalStateException if the mirror cannot be defined (e.g. the superclass is not
     *                               visible from heapscope's class loader)
     */
    static LayoutMirror of(Class<?> type, List<Field> fields) {
        String name = LayoutMirror.class.getPackageName().replace('.', '/') + "/LayoutMirror$"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try {
            byte[] bytes = classFile(name, type.getSuperclass(), fields);
            return new LayoutMirror(MethodHandles.lookup().defineClass(bytes));
        } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new IllegalStateException("cannot mirror the layout of " + type.getName() + ": " + e, e);
        }
    }

    /** The mirror's field corresponding to {@code index} in the list given to {@link #of}. */
    Field field(int index) throws NoSuchFieldException {
        return mirror.getDeclaredField("f" + index);
    }

    /** Instance size in bytes, from JOL's layouter over the mirror's real offsets. */
    long instanceSize() {
        return ClassLayout.parseClass(mirror).instanceSize();
    }

    private static byte[] classFile(String name, Class<?> superclass, List<Field> fields) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(JAVA_17_CLASS_FILE);
        out.writeShort(1 + 4 + 2 * fields.size());
        out.writeByte(1);
        out.writeUTF(name);
        out.writeByte(7);
        out.writeShort(1);
        out.writeByte(1);
        out.writeUTF(superclass.getName().replace('.', '/'));
        out.writeByte(7);
        out.writeShort(3);
        for (int i = 0; i < fields.size(); i++) {
            out.writeByte(1);
            out.writeUTF("f" + i);
            out.writeByte(1);
            out.writeUTF(descriptor(fields.get(i).getType()));
        }
        out.writeShort(ACC_PUBLIC_FINAL_SUPER_SYNTHETIC);
        out.writeShort(2);
        out.writeShort(4);
        out.writeShort(0);
        out.writeShort(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            out.writeShort(ACC_PRIVATE);
            out.writeShort(5 + 2 * i);
            out.writeShort(6 + 2 * i);
            out.writeShort(0);
        }
        out.writeShort(0);
        out.writeShort(0);
        return buffer.toByteArray();
    }

    private static String descriptor(Class<?> type) {
        if (!type.isPrimitive()) {
            // Every reference takes the same slot; Object keeps the mirror free of visibility issues.
            return "Ljava/lang/Object;";
        }
        return switch (type.getName()) {
            case "boolean" -> "Z";
            case "byte" -> "B";
            case "char" -> "C";
            case "short" -> "S";
            case "int" -> "I";
            case "long" -> "J";
            case "float" -> "F";
            case "double" -> "D";
            default -> throw new IllegalArgumentException("not a field type: " + type);
        };
    }
}
