package dev.heapscope.tracing;

import java.util.Objects;

/**
 * Where a reference chain starts.
 *
 * @param kind        one of {@value #STATIC_FIELD}, {@value #THREAD_STACK}, {@value #JNI_GLOBAL},
 *                    {@value #CLASS_LOADER}, {@value #OTHER}
 * @param description for a static field {@code static field cache of class com.example.X}; for a
 *                    thread stack the thread's name; otherwise JFR's root system and type. Never a
 *                    field value of the inspected objects.
 */
public record GcRoot(String kind, String description) {

    public static final String STATIC_FIELD = "static field";
    public static final String THREAD_STACK = "thread stack";
    public static final String JNI_GLOBAL = "JNI global";
    public static final String CLASS_LOADER = "class loader";
    public static final String OTHER = "other";

    public GcRoot {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
