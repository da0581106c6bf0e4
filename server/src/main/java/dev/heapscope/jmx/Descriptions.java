package dev.heapscope.jmx;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    /**
     * The text for the first of {@code members} of {@code type} the table describes ("" for the type itself): a
     * parameter falls back from its operation's line to the bean's.
     *
     * @throws IllegalArgumentException naming the missing key
     */
    static String of(Class<?> type, String... members) {
        for (String member : members) {
            String key = key(type) + member;
            if (table(type).containsKey(key) && !table(type).getString(key).isBlank()) {
                return table(type).getString(key);
            }
        }
        throw new IllegalArgumentException(key(type) + members[members.length - 1] + " has no description in the"
                + " descriptions.properties of " + type.getPackageName() + ": everything a console shows is described");
    }

    /** The members the table names for {@code type} without parameters: {@code Statistic.average} gives average. */
    static Set<String> members(Class<?> type) {
        String prefix = key(type) + ".";
        return table(type).keySet().stream().filter(k -> k.startsWith(prefix) && !k.contains("("))
                .map(k -> k.substring(prefix.length())).collect(Collectors.toCollection(TreeSet::new));
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
