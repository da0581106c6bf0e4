package dev.heapscope.heap;

import dev.heapscope.DiagnosticCommands;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes the live class histogram through the GC.class_histogram diagnostic command, which runs a full
 * GC first so that only reachable objects are counted.
 */
public final class HistogramReader {

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
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            Entry entry = Entry.of(text, start, end);
            if (entry != null) {
                instances += entry.count;
                bytes += entry.size;
                String type = TypeNames.readable(entry.name);
                if (!type.startsWith(OWN_PREFIX)) {
                    long[] sums = byType.computeIfAbsent(type, k -> new long[2]);
                    sums[0] += entry.count;
                    sums[1] += entry.size;
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

    /**
     * One line of the histogram, {@code "   1:   10925   4327584  [B (java.base@17.0.15)"}: rank, instances,
     * bytes, JVM class name, optional module. Read by hand, not by a regular expression: a histogram has a line
     * per loaded class and is read at every snapshot and histogram, on a host that may be busy.
     */
    private record Entry(long count, long size, String name) {

        /** The entry of {@code text[start, end)}, or null for any other line (the header, the total). */
        static Entry of(String text, int start, int end) {
            int at = skipSpaces(text, start, end);
            int rankEnd = skipDigits(text, at, end);
            if (rankEnd == at || rankEnd >= end || text.charAt(rankEnd) != ':') {
                return null;
            }
            int countStart = skipSpaces(text, rankEnd + 1, end);
            int countEnd = skipDigits(text, countStart, end);
            int sizeStart = skipSpaces(text, countEnd, end);
            int sizeEnd = skipDigits(text, sizeStart, end);
            int nameStart = skipSpaces(text, sizeEnd, end);
            // each figure has digits, and a blank separates it from what follows
            if (countEnd == countStart || sizeEnd == sizeStart || sizeEnd == nameStart || nameStart == end) {
                return null;
            }
            int nameEnd = nameStart;
            while (nameEnd < end && !Character.isWhitespace(text.charAt(nameEnd))) {
                nameEnd++;
            }
            // after the name only blanks, or the module in parentheses
            String rest = text.substring(nameEnd, end).strip();
            if (!rest.isEmpty() && !(rest.startsWith("(") && rest.endsWith(")"))) {
                return null;
            }
            return new Entry(Long.parseLong(text, countStart, countEnd, 10), Long.parseLong(text, sizeStart,
                    sizeEnd, 10), text.substring(nameStart, nameEnd));
        }

        private static int skipSpaces(String text, int at, int end) {
            while (at < end && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return at;
        }

        private static int skipDigits(String text, int at, int end) {
            while (at < end && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            return at;
        }
    }
}
