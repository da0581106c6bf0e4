package dev.heapscope.jmx;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every text a console shows, from one table per package: the {@code descriptions.properties} beside its classes,
 * keyed by a class's name in the package ({@code StatisticsReport}, {@code RootRegistry$RegisteredRoot}) and the
 * member after it: a record's component or derived figure ({@code .average}), a bean's attribute as JConsole
 * names it ({@code .Since}) or operation ({@code .take}), a parameter of one operation ({@code .take(name)}) or of
 * all of the bean's ({@code (name)}).
 */
final class Descriptions {

    private Descriptions() {
    }

    /** Whether the table describes {@code member} of {@code type}. */
    static boolean has(Class<?> type, String member) {
        return table(type).containsKey(key(type) + member);
    }

    /**
     * The text for {@code member} of {@code type} ("" for the type itself).
     *
     * @throws IllegalArgumentException naming the missing key
     */
    static String of(Class<?> type, String member) {
        if (!has(type, member) || table(type).getString(key(type) + member).isBlank()) {
            throw new IllegalArgumentException(key(type) + member + " has no description in the descriptions"
                    + ".properties of " + type.getPackageName() + ": everything a console shows is described");
        }
        return table(type).getString(key(type) + member);
    }

    /** The members the table names for {@code type} without parameters: {@code Statistic.average} gives average. */
    static Set<String> members(Class<?> type) {
        String prefix = key(type) + ".";
        Set<String> members = new TreeSet<>();
        table(type).keySet().stream().filter(k -> k.startsWith(prefix) && !k.contains("("))
                .forEach(k -> members.add(k.substring(prefix.length())));
        return members;
    }

    // ResourceBundle reads a package's table once (it caches it) and takes it as UTF-8
    private static ResourceBundle table(Class<?> type) {
        try {
            return ResourceBundle.getBundle(type.getPackageName() + ".descriptions", Locale.ROOT,
                    type.getClassLoader());
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException(type.getPackageName() + " has no descriptions.properties", e);
        }
    }

    private static String key(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1);
    }
}
