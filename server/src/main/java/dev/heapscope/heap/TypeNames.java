package dev.heapscope.heap;

/**
 * One readable form for JVM type names everywhere heapscope reports a type: {@code byte[]},
 * {@code java.lang.Object[][]}, {@code java.util.HashMap$Node} — never the descriptor forms
 * {@code [B} or {@code [Ljava.lang.Object;} that JFR and the class histogram print.
 */
public final class TypeNames {

    private TypeNames() {
    }

    /** The readable form of a binary name or an array descriptor; readable names pass unchanged. */
    public static String readable(String name) {
        if (name == null || name.isEmpty() || name.charAt(0) != '[') {
            return name;
        }
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = element(name.substring(dimensions));
        return element + "[]".repeat(dimensions);
    }

    /** The readable name of a class, as {@link #readable(String)} of {@link Class#getName()}. */
    public static String of(Class<?> type) {
        return readable(type.getName());
    }

    private static String element(String descriptor) {
        switch (descriptor) {
            case "B": return "byte";
            case "C": return "char";
            case "D": return "double";
            case "F": return "float";
            case "I": return "int";
            case "J": return "long";
            case "S": return "short";
            case "Z": return "boolean";
            default:
                if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
                    return descriptor.substring(1, descriptor.length() - 1);
                }
                return descriptor;
        }
    }
}
