package dev.heapscope.rest;

/** A small writer of Graphviz DOT text: objects as boxes, references as labelled edges. */
final class Dot {

    private final StringBuilder text = new StringBuilder();
    private int nextNode;

    Dot(String graphName) {
        text.append("digraph ").append(id(graphName)).append(" {\n")
                .append("  rankdir=BT;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f4f4\", fontname=\"Helvetica\"];\n")
                .append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    }

    /** Adds a box and returns its id. */
    String node(String label) {
        return node(label, null);
    }

    /** Adds a box with a fill colour (e.g. the root) and returns its id. */
    String node(String label, String fill) {
        String id = "n" + nextNode++;
        text.append("  ").append(id).append(" [label=").append(quote(label));
        if (fill != null) {
            text.append(", fillcolor=").append(quote(fill)).append(", penwidth=2");
        }
        text.append("];\n");
        return id;
    }

    /** An edge from the holder to what it holds, labelled with the field or index. */
    void edge(String from, String to, String label) {
        text.append("  ").append(from).append(" -> ").append(to);
        if (label != null && !label.isEmpty()) {
            text.append(" [label=").append(quote(label)).append("]");
        }
        text.append(";\n");
    }

    void comment(String line) {
        text.append("  // ").append(line.replace('\n', ' ')).append('\n');
    }

    String end() {
        return text.append("}\n").toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String id(String name) {
        return quote(name);
    }
}
