package dev.heapscope.tracing;

import java.util.Locale;
import jdk.jfr.consumer.RecordedObject;

/**
 * Normalises JFR's {@code OldObjectGcRoot} ({@code system}, {@code type}, {@code description}) to a
 * {@link GcRoot} kind. JFR's systems are "Threads", "Universe", "Object Monitor", "Class Loader Data",
 * "Code Cache" and the JVM's OopStorage names ("JNI Global", "VM Global", ...); its types are
 * "Stack Variable", "Local JNI Handle", "Global JNI Handle", "Global Object Handle", "Handle Area".
 */
final class GcRoots {

    private static final String THREAD_DESCRIPTION = "Thread Name: ";

    private GcRoots() {
    }

    static GcRoot of(RecordedObject root) {
        String system = textOf(root, "system");
        String type = textOf(root, "type");
        String lowerSystem = system.toLowerCase(Locale.ROOT);
        String lowerType = type.toLowerCase(Locale.ROOT);
        if (lowerSystem.equals("threads") || lowerType.equals("stack variable")) {
            return new GcRoot(GcRoot.THREAD_STACK, threadName(root));
        }
        String where = type.isEmpty() ? system : system + " / " + type;
        if (lowerSystem.contains("jni global") || lowerType.equals("global jni handle")) {
            return new GcRoot(GcRoot.JNI_GLOBAL, where);
        }
        if (lowerSystem.equals("class loader data")) {
            return new GcRoot(GcRoot.CLASS_LOADER, where);
        }
        return new GcRoot(GcRoot.OTHER, where.isEmpty() ? "unknown" : where);
    }

    private static String threadName(RecordedObject root) {
        String description = root.getString("description");
        if (description != null && description.startsWith(THREAD_DESCRIPTION)) {
            return description.substring(THREAD_DESCRIPTION.length());
        }
        return "unknown thread";
    }

    private static String textOf(RecordedObject root, String field) {
        String value = root.getString(field);
        return value == null || value.startsWith("<") ? "" : value;
    }
}
