package dev.heapscope;

import java.util.regex.Pattern;

/** The rule for every name a caller gives heapscope (snapshots, roots, JMX instances): safe in a URL path, a JMX key and a file name. */
public final class Names {

    /** {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Names() {
    }

    /**
     * Returns the name if it follows the rule.
     *
     * @throws HeapscopeException.BadRequest naming the rule otherwise
     */
    public static String require(String what, String name) {
        if (name == null || !PATTERN.matcher(name).matches()) {
            throw new HeapscopeException.BadRequest(what + " name " + quoted(name)
                    + " is invalid: use 1 to 64 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }
        return name;
    }

    private static String quoted(String name) {
        return name == null ? "(missing)" : "'" + shown(name) + "'";
    }

    /**
     * A caller's value as an error detail may show it: at most 80 characters (then "..."), control
     * characters as backslash-u escapes.
     */
    public static String shown(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        StringBuilder out = new StringBuilder(cut.length());
        cut.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }
}
