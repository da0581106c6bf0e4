package dev.heapscope.tracing;

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
            String className = withoutHiddenSuffix(method.getType().getName());
            int line = frame.getLineNumber();
            frames.add(new Frame(className, method.getName(), sourceFileOf(className), line > 0 ? line : -1));
        }
        return frames;
    }

    /**
     * A hidden class (a lambda's, a method handle's) is {@code a.B$$Lambda/0x...} in the VM; JFR 17 names
     * it {@code a.B$$Lambda$12+0x00007f61780a7570.1073533248}, JFR 25 {@code a.B$$Lambda.0x000000008a1a91b8}.
     * The suffixes differ between runs and look like a package boundary, so frames keep {@code a.B$$Lambda$12}.
     * No Java identifier starts with a digit, so {@code .0x} and {@code +0x} never occur in other names.
     */
    static String withoutHiddenSuffix(String className) {
        int plus = className.indexOf("+0x");
        int dot = className.indexOf(".0x");
        int hidden = plus < 0 ? dot : dot < 0 ? plus : Math.min(plus, dot);
        return hidden > 0 ? className.substring(0, hidden) : className;
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
