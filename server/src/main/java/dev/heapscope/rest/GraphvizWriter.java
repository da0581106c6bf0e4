package dev.heapscope.rest;

import dev.heapscope.rest.model.Hop;
import dev.heapscope.rest.model.LeakComparison;
import dev.heapscope.rest.model.LeakGroup;
import dev.heapscope.rest.model.LeakGrowth;
import dev.heapscope.rest.model.LeakReport;
import dev.heapscope.rest.model.ReferenceChain;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reference graphs as {@code text/vnd.graphviz}, in objgraph's spirit: {@code curl ... | dot -Tsvg}.
 * Objects are boxes labelled with their type, edges go from holder to held labelled with the field or
 * index, and the GC root (or registered root) is highlighted. Only types, names and counts appear.
 */
@Produces(GraphvizWriter.MEDIA_TYPE)
final class GraphvizWriter implements jakarta.ws.rs.ext.MessageBodyWriter<Object> {

    static final String MEDIA_TYPE = "text/vnd.graphviz";
    static final String ROOT_FILL = "#ffd966";
    private static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    private static final Set<Class<?>> GRAPHS = Set.of(LeakReport.class, LeakComparison.class);

    @Override
    public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
        return GRAPHS.contains(type) && mediaType.isCompatible(TYPE);
    }

    @Override
    public void writeTo(Object graph, Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        String dot;
        if (graph instanceof LeakReport report) {
            dot = leaks("leaks of " + report.getSnapshot(), report);
        } else {
            LeakComparison comparison = (LeakComparison) graph;
            dot = growth(comparison);
        }
        out.write(dot.getBytes(StandardCharsets.UTF_8));
    }

    private static String leaks(String title, LeakReport report) {
        Dot dot = new Dot(title);
        for (LeakGroup group : report.getGroups()) {
            chain(dot, group, group.getSamples() + " live samples");
        }
        return dot.end();
    }

    private static String growth(LeakComparison comparison) {
        Dot dot = new Dot("leaks of " + comparison.getSnapshot() + " since " + comparison.getBaseline());
        for (LeakGrowth growth : comparison.getGroups()) {
            chain(dot, growth.getGroup(), growth.getStatus() + ", +" + growth.getSamplesDiff() + " live samples");
        }
        return dot.end();
    }

    /** One group's chain: the sampled object at the bottom, its GC root highlighted at the top. */
    static void chain(Dot dot, LeakGroup group, String figures) {
        String held = dot.node(group.getType() + "\n" + figures + "\nallocated at " + group.getSite());
        ReferenceChain chain = group.getChain();
        if (chain == null) {
            dot.comment("no reference chain was reported for " + group.getSite());
            return;
        }
        for (Hop hop : chain.getHops()) {
            String holder = dot.node(hop.getHolderType());
            dot.edge(holder, held, hopLabel(hop));
            held = holder;
        }
        String root = dot.node("GC root: " + chain.getRoot().getKind() + "\n" + chain.getRoot().getDescription(),
                ROOT_FILL);
        dot.edge(root, held, null);
    }

    static String hopLabel(Hop hop) {
        String label = hop.getField() != null ? hop.getField()
                : hop.getArrayIndex() != null ? "[" + hop.getArrayIndex() + "]" : "";
        return hop.getSkippedBefore() != null && hop.getSkippedBefore() > 0
                ? label + " (" + hop.getSkippedBefore() + " hops skipped)" : label;
    }
}
