package dev.heapscope.heap;

import dev.heapscope.DiagnosticCommands;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the live class histogram through the GC.class_histogram diagnostic command, which runs a full
 * GC first so that only reachable objects are counted.
 */
public final class HistogramReader {

    // "   1:         10925        4327584  [B (java.base@17.0.15)"
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(.*\\))?\\s*$");

    /**
     * heapscope's own classes (its snapshots' records) are left out of the list, as its allocations are
     * left out of the statistics; the totals still count the whole heap. Its data held in JDK types
     * (arrays, strings, collections) cannot be told apart and stays in.
     */
    static final String OWN_PREFIX = "dev.heapscope.";

    private final DiagnosticCommands commands;

    public HistogramReader(DiagnosticCommands commands) {
        this.commands = commands;
    }

    /**
     * What taking and parsing a histogram allocates at most, estimated: its text and parsed entries take a
     * few hundred bytes per class, so 1 KiB per loaded class plus 1 MiB.
     */
    public static long estimatedBytes() {
        return 1024L * ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + 1024 * 1024;
    }

    /** Runs a full GC and returns the exact histogram of what survived. */
    public ClassHistogram take() {
        return parse(commands.invoke("gcClassHistogram"), Instant.now());
    }

    static ClassHistogram parse(String text, Instant takenAt) {
        // the same class can appear twice when loaded by two loaders; one readable name, one line
        Map<String, long[]> byType = new TreeMap<>();
        long instances = 0;
        long bytes = 0;
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                String type = TypeNames.readable(m.group(3));
                long count = Long.parseLong(m.group(1));
                long size = Long.parseLong(m.group(2));
                instances += count;
                bytes += size;
                if (!type.startsWith(OWN_PREFIX)) {
                    long[] sums = byType.computeIfAbsent(type, k -> new long[2]);
                    sums[0] += count;
                    sums[1] += size;
                }
            }
        }
        List<ClassCount> classes = new ArrayList<>(byType.size());
        for (Map.Entry<String, long[]> e : byType.entrySet()) {
            classes.add(new ClassCount(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        classes.sort(Comparator.comparingLong(ClassCount::bytes).reversed().thenComparing(ClassCount::type));
        return new ClassHistogram(takenAt, classes, instances, bytes);
    }
}
