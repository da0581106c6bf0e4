package example.admin;

import dev.heapscope.client.model.ComparisonReport;
import dev.heapscope.client.model.FigureBasis;
import dev.heapscope.client.model.StatisticDiff;
import java.io.PrintStream;
import java.util.List;

/** Prints the entries of a comparison that grew, biggest growth first, with what their figures are. */
final class GrowthTable {

    private GrowthTable() {
    }

    /** Prints at most {@code top} growing entries of {@code report} under {@code title}. */
    static void print(String title, ComparisonReport report, int top, PrintStream out) {
        out.println(title);
        out.println("  sizes: " + describe(report.getSizeBasis()) + "; counts: " + describe(report.getCountBasis()));
        List<StatisticDiff> growing = report.getEntries().stream()
                .filter(e -> e.getSizeDiff() > 0)
                .limit(top)
                .toList();
        if (growing.isEmpty()) {
            out.println("  (nothing grew)");
        } else {
            out.printf("  %3s  %11s  %11s  %11s  %s%n", "#", "size diff", "size", "count diff", report.getGroupBy());
            for (int i = 0; i < growing.size(); i++) {
                StatisticDiff e = growing.get(i);
                out.printf("  %3d  %11s  %11s  %11s  %s%n", i + 1, Sizes.signedSize(e.getSizeDiff()),
                        Sizes.size(e.getSize()), Sizes.signed(e.getCountDiff()), e.getKey());
            }
        }
        report.getNotes().forEach(note -> out.println("  note: " + note));
        out.println();
    }


    /** What a figure is, in words: nobody should mistake an estimate for a measurement. */
    static String describe(FigureBasis basis) {
        if (basis == null) {
            return "unknown";
        }
        return switch (basis) {
            case ESTIMATED -> "ESTIMATED (sum of JFR allocation sample weights)";
            case SAMPLES -> "SAMPLES (number of sampled events or objects)";
            case EXACT -> "EXACT (class histogram after a full GC)";
            case UNAVAILABLE -> "UNAVAILABLE (this JVM does not report it)";
        };
    }
}
