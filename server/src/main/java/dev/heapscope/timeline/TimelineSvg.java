package dev.heapscope.timeline;

import dev.heapscope.ReadableBytes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The timeline drawn as a self-contained SVG (no script, no external resource): heap used and committed,
 * the heap's use after each collection, the heap's maximum, and the tracing and snapshot marks with their
 * names, over axes in time of day (UTC) and MiB or GiB.
 */
public final class TimelineSvg {

    static final int WIDTH = 1000;
    static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = WIDTH - 30;
    private static final int TOP = 60;
    private static final int BOTTOM = HEIGHT - 100;
    /** Marks drawn with their names; past it, the rest are drawn unnamed so that the names stay readable. */
    static final int MAX_NAMED_MARKS = 40;
    private static final DateTimeFormatter TITLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final TimelineView view;
    private final StringBuilder svg = new StringBuilder(16_384);
    private final Instant from;
    private final Instant to;
    private final double top;

    private TimelineSvg(TimelineView view) {
        this.view = view;
        // the points' span, widened to the marks in the view: a snapshot taken in the second before the
        // first point (or after the last) is still drawn
        Instant first = view.points().isEmpty() ? view.from() : view.points().get(0).time();
        Instant last = view.points().isEmpty() ? view.to() : view.points().get(view.points().size() - 1).time();
        for (Mark mark : view.marks()) {
            first = mark.time().isBefore(first) ? mark.time() : first;
            last = mark.time().isAfter(last) ? mark.time() : last;
        }
        this.from = first;
        this.to = last.isAfter(first) ? last : first.plusSeconds(1);
        this.top = PlotAxes.byteTicks(scaleMax()).get(PlotAxes.byteTicks(scaleMax()).size() - 1).value();
    }

    /** The plot as SVG text. */
    public static String of(TimelineView view) {
        return new TimelineSvg(view).draw();
    }

    private String draw() {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        String title = "heapscope: heap over time, " + TITLE_TIME.format(from) + " to " + TITLE_TIME.format(to) + " UTC";
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(LEFT, 24, title, "start", "font-size=\"15\" font-weight=\"bold\"");
        axes();
        if (view.points().isEmpty()) {
            text((LEFT + RIGHT) / 2.0, (TOP + BOTTOM) / 2.0, "no samples in this range", "middle", "fill=\"#666\"");
        } else {
            series();
        }
        maximum();
        marks();
        legend();
        svg.append("</svg>\n");
        return svg.toString();
    }

    private long scaleMax() {
        long max = 1;
        for (MemoryPoint p : view.points()) {
            max = Math.max(max, Math.max(p.heapUsedBytes(), p.heapCommittedBytes()));
        }
        for (GcPoint gc : view.collections()) {
            max = Math.max(max, gc.heapAfterBytes());
        }
        // the maximum joins the scale when it does not squash the curves into a line at the bottom
        return maxOnScale(max) ? Math.max(max, view.maxHeapBytes()) : max;
    }

    private boolean maxOnScale(long dataMax) {
        return view.maxHeapBytes() > 0 && view.maxHeapBytes() <= 3 * dataMax;
    }

    private void axes() {
        svg.append("<g stroke=\"#ddd\">\n");
        for (PlotAxes.Tick tick : PlotAxes.byteTicks(scaleMax())) {
            double y = y(tick.value());
            line(LEFT, y, RIGHT, y, "");
        }
        svg.append("</g>\n");
        for (PlotAxes.Tick tick : PlotAxes.byteTicks(scaleMax())) {
            text(LEFT - 6, y(tick.value()) + 4, tick.label(), "end", "");
        }
        for (Instant tick : PlotAxes.timeTicks(from, to)) {
            double x = x(tick);
            line(x, BOTTOM, x, BOTTOM + 5, "stroke=\"#333\"");
            text(x, BOTTOM + 18, PlotAxes.timeLabel(tick, from, to), "middle", "");
        }
        line(LEFT, BOTTOM, RIGHT, BOTTOM, "stroke=\"#333\"");
        line(LEFT, TOP, LEFT, BOTTOM, "stroke=\"#333\"");
        text((LEFT + RIGHT) / 2.0, BOTTOM + 38, "time of day (UTC)", "middle", "fill=\"#333\"");
        svg.append("<text transform=\"translate(16,").append(fmt((TOP + BOTTOM) / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">memory</text>\n");
    }

    private void series() {
        polyline(view.points().stream().map(p -> new double[] {x(p.time()), y(p.heapCommittedBytes())}).toList(),
                "#9ab", "1", "4 3");
        polyline(view.points().stream().map(p -> new double[] {x(p.time()), y(p.heapUsedBytes())}).toList(),
                "#1f5fbf", "1.6", null);
        svg.append("<g fill=\"#e07b00\">\n");
        for (GcPoint gc : view.collections()) {
            if (!gc.time().isBefore(from) && !gc.time().isAfter(to)) {
                svg.append("<circle cx=\"").append(fmt(x(gc.time()))).append("\" cy=\"")
                        .append(fmt(y(gc.heapAfterBytes()))).append("\" r=\"2.5\"/>\n");
            }
        }
        svg.append("</g>\n");
    }

    private void maximum() {
        long max = view.maxHeapBytes();
        if (max <= 0) {
            return;
        }
        String label = "max " + ReadableBytes.of(max);
        if (max <= top) {
            line(LEFT, y(max), RIGHT, y(max), "stroke=\"#c00\" stroke-dasharray=\"8 4\"");
            text(RIGHT - 4, y(max) - 5, label, "end", "fill=\"#c00\"");
        } else {
            text(RIGHT - 4, TOP - 8, label + " (above the plot)", "end", "fill=\"#c00\"");
        }
    }

    private void marks() {
        List<Mark> marks = view.marks();
        int named = 0;
        for (Mark mark : marks) {
            if (mark.time().isBefore(from) || mark.time().isAfter(to)) {
                continue;
            }
            double x = x(mark.time());
            String color = switch (mark.kind()) {
                case SNAPSHOT -> "#2a9d3a";
                case TRACING_STARTED, TRACING_STOPPED -> "#8e44ad";
                default -> "#888";
            };
            line(x, TOP, x, BOTTOM, "stroke=\"" + color + "\" stroke-dasharray=\"3 3\"");
            if (named++ < MAX_NAMED_MARKS) {
                svg.append("<text transform=\"translate(").append(fmt(x - 3)).append(',').append(TOP + 4)
                        .append(") rotate(-90)\" text-anchor=\"end\" fill=\"").append(color)
                        .append("\" font-size=\"11\">").append(escape(mark.name())).append("</text>\n");
            }
        }
    }

    private void legend() {
        double y = HEIGHT - 30;
        double x = LEFT;
        x = legendItem(x, y, "<line x1=\"0\" y1=\"0\" x2=\"22\" y2=\"0\" stroke=\"#1f5fbf\" stroke-width=\"2\"/>", "heap used");
        x = legendItem(x, y, "<line x1=\"0\" y1=\"0\" x2=\"22\" y2=\"0\" stroke=\"#9ab\" stroke-dasharray=\"4 3\"/>",
                "heap committed");
        x = legendItem(x, y, "<circle cx=\"11\" cy=\"0\" r=\"3\" fill=\"#e07b00\"/>", "heap after each GC");
        x = legendItem(x, y, "<line x1=\"0\" y1=\"0\" x2=\"22\" y2=\"0\" stroke=\"#c00\" stroke-dasharray=\"8 4\"/>",
                "heap maximum");
        x = legendItem(x, y, "<line x1=\"11\" y1=\"-7\" x2=\"11\" y2=\"7\" stroke=\"#2a9d3a\" stroke-dasharray=\"3 3\"/>",
                "snapshot");
        x = legendItem(x, y, "<line x1=\"11\" y1=\"-7\" x2=\"11\" y2=\"7\" stroke=\"#8e44ad\" stroke-dasharray=\"3 3\"/>",
                "tracing start/stop");
        legendItem(x, y, "<line x1=\"11\" y1=\"-7\" x2=\"11\" y2=\"7\" stroke=\"#888\" stroke-dasharray=\"3 3\"/>",
                "watch");
        if (view.thinned()) {
            text(RIGHT, HEIGHT - 8, "points merged to fit: each shows its period's largest figures", "end",
                    "fill=\"#666\" font-size=\"10\"");
        }
    }

    private double legendItem(double x, double y, String swatch, String label) {
        svg.append("<g transform=\"translate(").append(fmt(x)).append(',').append(fmt(y)).append(")\">")
                .append(swatch).append("</g>\n");
        text(x + 27, y + 4, label, "start", "");
        return x + 27 + label.length() * 6.6 + 18;
    }

    private void polyline(List<double[]> xy, String color, String width, String dash) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(width)
                .append('"');
        if (dash != null) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append(" points=\"");
        for (double[] p : xy) {
            svg.append(fmt(p[0])).append(',').append(fmt(p[1])).append(' ');
        }
        svg.append("\"/>\n");
    }

    private void line(double x1, double y1, double x2, double y2, String attributes) {
        svg.append("<line x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y1)).append("\" x2=\"")
                .append(fmt(x2)).append("\" y2=\"").append(fmt(y2)).append("\" ").append(attributes).append("/>\n");
    }

    private void text(double x, double y, String text, String anchor, String attributes) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" ").append(attributes).append('>').append(escape(text)).append("</text>\n");
    }

    private double x(Instant time) {
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return LEFT + (RIGHT - LEFT) * (time.toEpochMilli() - from.toEpochMilli()) / span;
    }

    private double y(double bytes) {
        return BOTTOM - (BOTTOM - TOP) * Math.min(bytes, top) / top;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
