package dev.heapscope.heap;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-class facts shared by the walkers of one heapscope instance: a {@link ClassValue} cache of
 * {@link ClassInfo} and the VM's size model. Thread-safe; holds no per-walk state.
 */
final class HeapModel {

    final FieldReader reader;
    final ArrayShape shape;
    private final AtomicInteger nextClassId = new AtomicInteger();
    // weakly, so that heapscope's own memory can be measured without keeping the classes alive
    private final Queue<WeakReference<ClassInfo>> created = new ConcurrentLinkedQueue<>();
    private final ClassValue<ClassInfo> infos = new ClassValue<>() {
        @Override
        protected ClassInfo computeValue(Class<?> type) {
            ClassInfo info = new ClassInfo(nextClassId.getAndIncrement(), type, reader, shape);
            created.add(new WeakReference<>(info));
            return info;
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

    /** The per-class facts still cached (their classes alive), to measure heapscope's own memory. */
    List<ClassInfo> cachedInfos() {
        created.removeIf(ref -> ref.get() == null);
        List<ClassInfo> live = new ArrayList<>();
        created.forEach(ref -> {
            ClassInfo info = ref.get();
            if (info != null) {
                live.add(info);
            }
        });
        return live;
    }

    /** Upper bound of the class ids handed out so far, to size per-class tables. */
    int classIdBound() {
        return nextClassId.get();
    }
}
