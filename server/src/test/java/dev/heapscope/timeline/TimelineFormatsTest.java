package dev.heapscope.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class TimelineFormatsTest {

    private static final Instant T0 = Instant.parse("2025-01-31T12:00:00Z");
    private static final long MIB = 1024 * 1024;

    @Test
    void svg_parsesAsXml_andShowsTheCurvesTheMaximumAndTheNamedMarks() throws Exception {
        TimelineView view = view(List.of(
                new Mark(T0.plusSeconds(10), MarkKind.TRACING_STARTED, "tracing started"),
                new Mark(T0.plusSeconds(20), MarkKind.SNAPSHOT, "before"),
                new Mark(T0.plusSeconds(50), MarkKind.SNAPSHOT, "after<&>")));

        Document svg = parse(TimelineSvg.of(view));

        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(texts(svg)).contains("before", "after<&>", "tracing started", "max 300 MiB", "heap used",
                "heap after each GC", "time of day (UTC)", "12:00:30", "100 MiB");
        assertThat(count(svg, "//*[local-name()='polyline']")).isEqualTo(2);
        assertThat(count(svg, "//*[local-name()='circle']")).isGreaterThanOrEqualTo(2);
        assertThat(count(svg, "//*[local-name()='script']")).isZero();
    }

    @Test
    void svg_drawsTheMarks_beforeTheFirstPointAndAfterTheLast() throws Exception {
        // a snapshot taken in heapscope's first second, before the timeline's first point, and one after its last
        TimelineView view = view(List.of(
                new Mark(T0.minusMillis(600), MarkKind.SNAPSHOT, "in the first second"),
                new Mark(T0.plusSeconds(75), MarkKind.TRACING_STOPPED, "after the last point")));

        assertThat(texts(parse(TimelineSvg.of(view)))).contains("in the first second", "after the last point");
    }

    @Test
    void svg_saysWhenTheRangeHoldsNoSamples() throws Exception {
        TimelineView empty = new TimelineView(T0, T0.plusSeconds(60), -1, List.of(), List.of(), List.of(), List.of(),
                List.of(), false, false, new TimelineBounds(1, 1, 1, 1, 0));

        assertThat(texts(parse(TimelineSvg.of(empty)))).contains("no samples in this range");
    }

    @Test
    void mprofLines_parseAsMprofParsesThem() {
        TimelineView view = view(List.of(
                new Mark(T0.plusSeconds(10), MarkKind.TRACING_STARTED, "tracing started"),
                new Mark(T0.plusSeconds(20), MarkKind.SNAPSHOT, "before"),
                new Mark(T0.plusSeconds(40), MarkKind.TRACING_STOPPED, "tracing stopped")));

        Mprof mprof = Mprof.read(MprofLines.of(view, 4242));

        assertThat(mprof.cmdLine).contains("4242");
        assertThat(mprof.mem).hasSize(60);
        assertThat(mprof.mem.get(0)).containsExactly(new double[] {100.0, T0.getEpochSecond()}, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(mprof.funcs).extracting(f -> f.name).containsExactly("snapshot:before", "tracing");
        Func tracing = mprof.funcs.get(1);
        assertThat(tracing.end - tracing.start).isEqualTo(30.0);
        assertThat(tracing.memStart).isEqualTo(110.0);
    }

    /** Sixty per-second points rising from 100 MiB by 1 MiB a second, a GC every 10 s, a 300 MiB maximum. */
    private static TimelineView view(List<Mark> marks) {
        List<MemoryPoint> points = new ArrayList<>();
        List<GcPoint> gcs = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            long used = (100 + s) * MIB;
            points.add(new MemoryPoint(T0.plusSeconds(s), 1, used, 200 * MIB, 30 * MIB, List.of(used)));
            if (s % 10 == 5) {
                gcs.add(new GcPoint(T0.plusSeconds(s), "G1 Young Generation", "G1 Evacuation Pause", 3, used / 2,
                        List.of(used / 2)));
            }
        }
        return new TimelineView(T0, T0.plusSeconds(59), 300 * MIB, List.of("G1 Old Gen"), List.of(true), points, gcs,
                marks, false, false, new TimelineBounds(3600, 10_080, 10_000, 1000, 0));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static int count(Document svg, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, svg, XPathConstants.NODESET))
                .getLength();
    }

    /** A FUNC line as mprof reads it. */
    static final class Func {
        String name;
        double memStart;
        double start;
        double memEnd;
        double end;
    }

    /**
     * memory_profiler's {@code mprof.read_mprofile_file}, line for line: each line splits once at a blank into
     * a field and its value; an empty line is an error; MEM is {@code mem timestamp}, FUNC is
     * {@code name mem_start start mem_end end [level]}, CMDLINE the rest; other fields are ignored. Every
     * number goes through {@link Double#parseDouble} as mprof's {@code float()}: a malformed one throws.
     */
    static final class Mprof {
        String cmdLine;
        final List<double[]> mem = new ArrayList<>();
        final List<Func> funcs = new ArrayList<>();

        static Mprof read(String text) {
            Mprof out = new Mprof();
            for (String line : text.split("(?<=\n)")) {
                if (line.equals("\n")) {
                    throw new IllegalArgumentException("Sampling time was too short");
                }
                int blank = line.indexOf(' ');
                if (blank < 0) {
                    throw new IllegalArgumentException("not enough values to unpack: " + line);
                }
                String field = line.substring(0, blank);
                String[] values = line.substring(blank + 1).split(" ");
                switch (field) {
                    case "MEM" -> out.mem.add(new double[] {Double.parseDouble(values[0].trim()),
                            Double.parseDouble(values[1].trim())});
                    case "FUNC" -> {
                        Func f = new Func();
                        f.name = values[0];
                        f.memStart = Double.parseDouble(values[1].trim());
                        f.start = Double.parseDouble(values[2].trim());
                        f.memEnd = Double.parseDouble(values[3].trim());
                        f.end = Double.parseDouble(values[4].trim());
                        if (values.length >= 6) {
                            Integer.parseInt(values[5].trim());
                        }
                        out.funcs.add(f);
                    }
                    case "CMDLINE" -> out.cmdLine = line.substring(blank + 1);
                    default -> {
                    }
                }
            }
            return out;
        }
    }
}
