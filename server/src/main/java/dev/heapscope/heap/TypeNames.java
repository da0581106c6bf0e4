package dev.heapscope.heap;

/**
 * One readable form for JVM type names everywhere heapscope reports a type: {@code byte[]},
 * {@code java.lang.Object[][]}, {@code java.util.HashMap$Node} — never the descriptor forms
 * {@code [B} or {@code [Ljava.lang.Object;} that JFR and the class histogram print.
 */
public final class TypeNames {

    private TypeNames() {
    }

    /**
     * The readable form of a binary name or an array descriptor; readable names pass unchanged. A hidden
     * class (a lambda's) loses its per-run suffix, which the VM, JFR 17 and JFR 25 each spell differently
     * ({@code a.B$$Lambda$12/0x...}, {@code a.B$$Lambda$12+0x....123}, {@code a.B$$Lambda.0x...}), so all
     * views name it {@code a.B$$Lambda$12} (or {@code a.B$$Lambda}).
     */
    public static String readable(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        if (name.charAt(0) != '[') {
            return withoutHiddenSuffix(name);
        }
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = element(name.substring(dimensions));
        return withoutHiddenSuffix(element) + "[]".repeat(dimensions);
    }

    // no Java identifier starts with a digit, so "/0x", "+0x" and ".0x" never occur in other names
    public static String withoutHiddenSuffix(String className) {
        int cut = -1;
        for (String marker : new String[] {"/0x", "+0x", ".0x"}) {
            int at = className.indexOf(marker);
            if (at > 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        return cut > 0 ? className.substring(0, cut) : className;
    }

    /** The readable name of a class, as {@link #readable(String)} of {@link Class#getName()}. */
    public static String of(Class<?> type) {
        return readable(type.getName());
    }

    /**
     * The name {@link Class#forName(String)} takes for a readable name: {@code byte[]} gives {@code [B},
     * {@code java.lang.String[][]} gives {@code [[Ljava.lang.String;}; other names pass unchanged.
     */
    public static String binaryName(String readable) {
        if (!readable.endsWith("[]")) {
            return readable;
        }
        int dims = 0;
        String element = readable;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
            dims++;
        }
        String descriptor = switch (element) {
            case "byte" -> "B";
            case "char" -> "C";
            case "double" -> "D";
            case "float" -> "F";
            case "int" -> "I";
            case "long" -> "J";
            case "short" -> "S";
            case "boolean" -> "Z";
            default -> "L" + element + ";";
        };
        return "[".repeat(dims) + descriptor;
    }

    /**
     * Whether {@code name} could name a class, interface or array type in binary, descriptor or readable
     * form: Java identifier characters, {@code . $ [ ] ;}, at most 1024 characters, no empty segment.
     */
    public static boolean isPlausible(String name) {
        if (name == null || name.isEmpty() || name.length() > 1024
                || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return false;
        }
        return name.chars().allMatch(c -> c == '.' || c == '[' || c == ']' || c == ';'
                || Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
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
