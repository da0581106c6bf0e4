package dev.heapscope.jmx;

import dev.heapscope.heap.BackrefChain;
import dev.heapscope.heap.BackrefResult;
import dev.heapscope.heap.WalkOptions;
import java.util.List;

/** Back-reference chains inside a root as JMX clients see them: chains and their hops as CompositeData[]. */
public final class BackrefsView {

    private final String root;
    private final String rootType;
    private final String type;
    private final BackrefResult result;
    private final WalkOptions options;

    BackrefsView(String root, String rootType, String type, BackrefResult result, WalkOptions options) {
        this.root = root;
        this.rootType = rootType;
        this.type = type;
        this.result = result;
        this.options = options;
    }

    public String getRoot() {
        return root;
    }

    public String getRootType() {
        return rootType;
    }

    /** The type searched for. */
    public String getType() {
        return type;
    }

    /** One chain per instance found, shortest first. */
    public List<Chain> getChains() {
        return result.chains().stream().map(Chain::new).toList();
    }

    public WalkView getWalk() {
        return new WalkView(result.truncated(), result.truncationReason(), result.objectsVisited(),
                result.elapsedNanos(), options);
    }

    /** The shortest chain from the root to one instance, object first. */
    public static final class Chain {

        private final BackrefChain chain;

        Chain(BackrefChain chain) {
            this.chain = chain;
        }

        /** The instance's runtime type. */
        public String getTargetType() {
            return chain.targetType();
        }

        public long getTargetShallowBytes() {
            return chain.targetShallowBytes();
        }

        /** References from the root to the instance. */
        public int getDepth() {
            return chain.depth();
        }

        /** From the holder of the instance back to the root: the last hop is the root. */
        public List<Hop> getHops() {
            return chain.hops().stream().map(Hop::new).toList();
        }

        /** The chain on one line, e.g. {@code Session <- Object[] [0] <- ArrayList.elementData <- ...}. */
        public String getPath() {
            return chain.describe();
        }
    }

    /** One reference: an object of holderType holds the next one through edge. */
    public static final class Hop {

        private final dev.heapscope.heap.Hop hop;

        Hop(dev.heapscope.heap.Hop hop) {
            this.hop = hop;
        }

        public String getHolderType() {
            return hop.holderType();
        }

        /** The field name, or an array index such as {@code [0]}. */
        public String getEdge() {
            return hop.edge();
        }
    }
}
