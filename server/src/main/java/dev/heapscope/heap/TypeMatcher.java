package dev.heapscope.heap;

import java.util.Arrays;

/**
 * Whether objects of a class are instances of a type known only by name (it may not be loadable
 * from heapscope's class loader), answered once per class for one search.
 */
final class TypeMatcher {

    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final String typeName;
    private byte[] answers = new byte[64];

    TypeMatcher(String typeName) {
        this.typeName = typeName;
    }

    boolean matches(ClassInfo info) {
        if (info.id >= answers.length) {
            answers = Arrays.copyOf(answers, Math.max(info.id + 1, answers.length * 2));
        }
        byte answer = answers[info.id];
        if (answer == UNKNOWN) {
            answer = isSubtype(info.type) ? YES : NO;
            answers[info.id] = answer;
        }
        return answer == YES;
    }

    private boolean isSubtype(Class<?> c) {
        if (c == null) {
            return false;
        }
        if (c.getName().equals(typeName) || c.getTypeName().equals(typeName)) {
            return true;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (isSubtype(i)) {
                return true;
            }
        }
        return isSubtype(c.getSuperclass());
    }
}
