package dev.heapscope.heap;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-class facts shared by the walkers of one heapscope instance: a {@link ClassValue} cache of
 * {@link ClassInfo} and the VM's size model. Thread-safe; holds no per-walk state.
 */
final class HeapModel {

    final FieldReader reader;
    final ArrayShape shape;
    private final AtomicInteger nextClassId = new AtomicInteger();
    private final ClassValue<ClassInfo> infos = new ClassValue<>() {
        @Override
        protected ClassInfo computeValue(Class<?> type) {
            return new ClassInfo(nextClassId.getAndIncrement(), type, reader, shape);
        }
    };

    HeapModel(FieldReader reader, ArrayShape shape) {
        this.reader = reader;
        this.shape = shape;
    }

    /** @throws IllegalStateException if this runtime offers no way to read fields */
    static HeapModel create() {
        return create(null);
    }

    /**
     * @param instrumentation the agent's, handed to JOL, or null
     * @throws IllegalStateException if this runtime offers no way to read fields
     */
    static HeapModel create(java.lang.instrument.Instrumentation instrumentation) {
        return new HeapModel(FieldReader.create(), ArrayShape.current(instrumentation));
    }

    ClassInfo info(Class<?> type) {
        return infos.get(type);
    }

    /** Upper bound of the class ids handed out so far, to size per-class tables. */
    int classIdBound() {
        return nextClassId.get();
    }
}
