package dev.heapscope.tracing;

import dev.heapscope.Doc;
import java.util.Objects;

/** Where a reference chain starts. Never a field value of the inspected objects. */
@Doc("the GC root a reference chain starts at")
public record GcRoot(@Doc("static field, thread stack, JNI global, class loader or other") String kind,
                     @Doc("for a static field 'static field cache of class com.example.X'; for a thread stack the"
                             + " thread's name; otherwise the JVM's root system and type") String description) {

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
