package dev.heapscope.tracing;

import dev.heapscope.heap.TypeNames;

import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/** JFR stack traces as {@link Frame} lists. */
final class Stacks {

    private Stacks() {
    }

    /** Top frame first, every frame JFR recorded; empty when the event has no stack trace. */
    static List<Frame> of(RecordedStackTrace trace) {
        if (trace == null) {
            return List.of();
        }
        List<Frame> frames = new ArrayList<>(trace.getFrames().size());
        for (RecordedFrame frame : trace.getFrames()) {
            RecordedMethod method = frame.getMethod();
            String className = TypeNames.withoutHiddenSuffix(method.getType().getName());
            int line = frame.getLineNumber();
            frames.add(new Frame(className, method.getName(), sourceFileOf(className), line > 0 ? line : -1));
        }
        return frames;
    }

    /**
     * JFR records no source file names, so the file is inferred by the Java convention: the top-level
     * class's simple name plus ".java" ({@code a.B$Inner} and {@code a.B$$Lambda/0x...} are in
     * {@code B.java}). It is wrong for other JVM languages (Kotlin's {@code FooKt}).
     */
    static String sourceFileOf(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        String topLevel = nested > 0 ? simple.substring(0, nested) : simple;
        int hidden = topLevel.indexOf('/');
        topLevel = hidden > 0 ? topLevel.substring(0, hidden) : topLevel;
        return topLevel.isEmpty() ? null : topLevel + ".java";
    }
}
