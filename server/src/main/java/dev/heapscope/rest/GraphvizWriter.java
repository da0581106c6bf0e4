package dev.heapscope.rest;

import dev.heapscope.rest.model.BackrefChain;
import dev.heapscope.rest.model.BackrefHop;
import dev.heapscope.rest.model.BackrefReport;
import dev.heapscope.rest.model.Hop;
import dev.heapscope.rest.model.RefNode;
import dev.heapscope.rest.model.RefsReport;
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
import java.util.List;
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
    private static final Set<Class<?>> GRAPHS = Set.of(LeakReport.class, LeakComparison.class, BackrefReport.class,
            RefsReport.class);

    @Override
    public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
        return (GRAPHS.contains(type) || type == ReportAnswers.Answer.class) && mediaType.isCompatible(TYPE);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        Object graph = ReportAnswers.modelOf(entity);
        String dot;
        if (graph instanceof LeakReport report) {
            dot = leaks("leaks of " + report.getSnapshot(), report);
        } else if (graph instanceof BackrefReport backrefs) {
            dot = backrefs(backrefs);
        } else if (graph instanceof RefsReport refs) {
            dot = refs(refs);
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

    /** objgraph.show_backrefs: every chain from the (one, highlighted) root down to a found object. */
    private static String backrefs(BackrefReport report) {
        Dot dot = new Dot("backrefs to " + report.getType() + " in " + report.getRoot());
        String root = dot.node("root '" + report.getRoot() + "'\n" + report.getRootType(), ROOT_FILL);
        for (BackrefChain chain : report.getChains()) {
            String held = dot.node(chain.getTargetType() + "\n" + chain.getTargetShallowBytes() + " B");
            List<BackrefHop> hops = chain.getHops();
            for (int i = 0; i < hops.size(); i++) {
                boolean last = i == hops.size() - 1;
                String holder = last ? root : dot.node(hops.get(i).getHolderType());
                dot.edge(holder, held, hops.get(i).getEdge());
                held = holder;
            }
        }
        if (Boolean.TRUE.equals(report.getWalk().getTruncated())) {
            dot.comment("truncated: " + report.getWalk().getTruncationReason());
        }
        return dot.end();
    }

    /** objgraph.show_refs: the root (highlighted) and what it holds, field by field. */
    private static String refs(RefsReport report) {
        Dot dot = new Dot("refs of " + report.getRoot());
        RefNode tree = report.getTree();
        String root = dot.node("root '" + report.getRoot() + "'\n" + tree.getType() + "\n"
                + tree.getDeepBytes() + " B deep", ROOT_FILL);
        children(dot, root, tree);
        return dot.end();
    }

    private static void children(Dot dot, String parent, RefNode node) {
        for (RefNode child : node.getChildren()) {
            String id = dot.node(child.getType() + (child.getCount() > 1 ? " x" + child.getCount() : "")
                    + "\n" + child.getShallowBytes() + " B, " + child.getDeepBytes() + " B deep");
            dot.edge(parent, id, child.getField());
            children(dot, id, child);
        }
        if (node.getOtherChildren() != null && node.getOtherChildren() > 0) {
            String others = dot.node(node.getOtherChildren() + " more fields\n" + node.getOtherBytes() + " B deep");
            dot.edge(parent, others, "...");
        }
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
