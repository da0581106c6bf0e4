package dev.heapscope.rest;

import dev.heapscope.rest.model.ComparisonReport;
import dev.heapscope.rest.model.FigureBasis;
import dev.heapscope.rest.model.Statistic;
import dev.heapscope.rest.model.StatisticDiff;
import dev.heapscope.rest.model.StatisticsReport;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.util.List;

/**
 * Statistics and comparisons as {@code text/plain}, one tracemalloc-style line per entry:
 * {@code com/example/Store.java:42: size=2400 KiB (+2400 KiB), count=5000 (+5000), average=491 B}.
 * Lines starting with {@code #} say what the figures are.
 */
@Produces(MediaType.TEXT_PLAIN)
final class TextReportWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
        return (type == StatisticsReport.class || type == ComparisonReport.class || type == ReportAnswers.Answer.class)
                && mediaType.isCompatible(MediaType.TEXT_PLAIN_TYPE);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) {
        Object report = ReportAnswers.modelOf(entity);
        PrintWriter text = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (report instanceof StatisticsReport r) {
            header(text, r.getGroupBy(), r.getView(), r.getSizeBasis() + " size, " + r.getCountBasis() + " count",
                    r.getNotes());
            boolean sized = r.getSizeBasis() != FigureBasis.UNAVAILABLE;
            for (Statistic s : r.getEntries()) {
                text.println(s.getKey() + ": size=" + size(sized, s.getSize(), false) + ", count=" + s.getCount()
                        + ", average=" + size(sized, s.getAverage(), false));
                frames(text, s.getTraceback());
            }
        } else if (report instanceof ComparisonReport r) {
            header(text, r.getGroupBy(), r.getView(), r.getSizeBasis() + " size, " + r.getCountBasis()
                    + " count; " + r.getSnapshot() + " compared to " + r.getBaseline(), r.getNotes());
            boolean sized = r.getSizeBasis() != FigureBasis.UNAVAILABLE;
            for (StatisticDiff d : r.getEntries()) {
                text.println(d.getKey() + ": size=" + size(sized, d.getSize(), false)
                        + " (" + size(sized, d.getSizeDiff(), true) + "), count=" + d.getCount()
                        + " (" + TracemallocFormat.signed(d.getCountDiff()) + "), average="
                        + size(sized, d.getAverage(), false));
                frames(text, d.getTraceback());
            }
        } else {
            throw new IllegalStateException("no text form for " + report.getClass().getSimpleName());
        }
        text.flush();
    }

    // where the JVM reports no sizes (live samples on JDK 17) a 0 would read as a measurement
    private static String size(boolean sized, long bytes, boolean sign) {
        return sized ? TracemallocFormat.size(bytes, sign) : "n/a";
    }

    private static void header(PrintWriter text, String groupBy, String view, String bases, List<String> notes) {
        text.println("# groupBy=" + groupBy + " view=" + view + ": " + bases);
        notes.forEach(note -> text.println("# " + note));
    }

    private static void frames(PrintWriter text, List<String> traceback) {
        if (traceback != null) {
            traceback.forEach(frame -> text.println("    " + frame));
        }
    }
}
