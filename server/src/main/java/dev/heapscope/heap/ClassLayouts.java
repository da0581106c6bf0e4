package dev.heapscope.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/**
 * Instance layouts of classes (like JOL's {@code ClassLayout.parseClass}), as plain records.
 * Stateless and thread-safe.
 */
public final class ClassLayouts {

    private final ArrayShape shape;

    public ClassLayouts() {
        this(ArrayShape.current());
    }

    ClassLayouts(ArrayShape shape) {
        this.shape = shape;
    }

    /**
     * Describes instances of {@code type}.
     *
     * @throws IllegalArgumentException if {@code type} is primitive, or JOL cannot lay it out
     *                                  (records and hidden classes without {@code -Djol.magicFieldOffset=true})
     */
    public ClassLayoutView describe(Class<?> type) {
        Objects.requireNonNull(type, "type");
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("primitive types have no instances: " + type.getName());
        }
        if (type.isArray()) {
            long base = shape.base(type);
            long empty = shape.align(base);
            List<LayoutGap> gaps = empty > base ? List.of(new LayoutGap(base, empty - base, true)) : List.of();
            return new ClassLayoutView(type.getName(), base, empty, shape.scale(type), List.of(), gaps,
                    0, empty - base, empty - base);
        }
        ClassLayout layout;
        try {
            layout = ClassLayout.parseClass(type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot lay out " + type.getName() + ": " + e.getMessage(), e);
        }
        List<FieldView> fields = new ArrayList<>();
        List<LayoutGap> gaps = new ArrayList<>();
        long cursor = layout.headerSize();
        for (FieldLayout f : layout.fields()) {
            if (f.offset() > cursor) {
                gaps.add(new LayoutGap(cursor, f.offset() - cursor, false));
            }
            fields.add(new FieldView(f.name(), f.typeClass(), f.hostClass(), f.offset(), f.size()));
            cursor = Math.max(cursor, f.offset() + f.size());
        }
        if (layout.instanceSize() > cursor) {
            gaps.add(new LayoutGap(cursor, layout.instanceSize() - cursor, true));
        }
        return new ClassLayoutView(type.getName(), layout.headerSize(), layout.instanceSize(), 0, fields, gaps,
                layout.getLossesInternal(), layout.getLossesExternal(), layout.getLossesTotal());
    }

    /**
     * The class named {@code className} from the first of {@code loaders} that knows it, without
     * initializing it; empty if none does (the REST layer answers 404). Uses this class's loader
     * when no loader is given.
     */
    public static Optional<Class<?>> loadable(String className, ClassLoader... loaders) {
        Objects.requireNonNull(className, "className");
        ClassLoader[] candidates = loaders.length == 0
                ? new ClassLoader[] {ClassLayouts.class.getClassLoader()} : loaders;
        for (ClassLoader loader : candidates) {
            try {
                return Optional.of(Class.forName(className, false, loader));
            } catch (ClassNotFoundException | LinkageError notThere) {
                // try the next loader
            }
        }
        return Optional.empty();
    }
}
