package dev.heapscope.bench;

import dev.heapscope.tracing.TracingSettings;
import java.lang.reflect.Constructor;

/**
 * heapscope's cheaper tracing mode, {@code liveSampling: false} (issue 10), reached by reflection until
 * {@code TracingSettings(int, int, boolean)} is on this branch; then this class goes and callers use the
 * constructor.
 */
final class LiveSampling {

    private LiveSampling() {
    }

    /** Settings that sample allocations only. @throws IllegalStateException when this heapscope has no such mode */
    static TracingSettings off(int stackDepth, int samplesPerSecond) {
        try {
            Constructor<TracingSettings> withLiveSampling =
                    TracingSettings.class.getConstructor(int.class, int.class, boolean.class);
            return withLiveSampling.newInstance(stackDepth, samplesPerSecond, false);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this heapscope has no liveSampling setting yet (issue 10, branch"
                    + " tracing-core); measure the plain recording jfr-alloc instead");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
