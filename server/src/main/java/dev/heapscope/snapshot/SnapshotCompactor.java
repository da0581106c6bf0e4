package dev.heapscope.snapshot;

import dev.heapscope.heap.ClassCount;
import dev.heapscope.heap.ClassHistogram;
import dev.heapscope.tracing.Frame;
import dev.heapscope.tracing.GcRoot;
import dev.heapscope.tracing.Hop;
import dev.heapscope.tracing.LiveObjectSample;
import dev.heapscope.tracing.ReferenceChain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Makes a snapshot share what it has in common with the others before it is stored: every string,
 * frame, traceback, reference chain, and every allocation record or histogram entry that did not change
 * since an earlier snapshot, is one instance for all of them. A traceback of 64 frames costs about 4 KB
 * when each snapshot holds its own copy and one reference when they share it, which is what keeps a full
 * store of 32 snapshots after hours of tracing at depth 64 within tens of megabytes.
 */
final class SnapshotCompactor {

    private final Interner interner = new Interner();

    /** The interning table itself, to count it in heapscope's own memory. */
    Object table() {
        return interner;
    }

    Snapshot compact(Snapshot s) {
        return new Snapshot(s.name(), s.takenAt(), s.tracing(), s.tracingSince(), s.settings(), s.heap(),
                histogram(s.histogram()), allocations(s.allocations()), live(s.live()), s.roots(),
                map(s.notes(), interner::intern), s.cost());
    }

    private LiveSamples live(LiveSamples l) {
        return new LiveSamples(l.available(), l.unavailableReason(), l.window(), l.chainsIncluded(),
                map(l.objects(), this::live));
    }

    private ClassHistogram histogram(ClassHistogram h) {
        return new ClassHistogram(h.takenAt(), map(h.classes(), c -> interner.intern(
                new ClassCount(interner.intern(c.type()), c.instances(), c.bytes()))), h.totalInstances(), h.totalBytes());
    }

    private AllocationProfile allocations(AllocationProfile profile) {
        return new AllocationProfile(map(profile.records(), r -> interner.intern(new AllocationRecord(
                interner.intern(r.type()), frame(r.site()), traceback(r.traceback()), r.weightBytes(), r.samples()))),
                profile.samples(), profile.overflowed());
    }

    private LiveObjectSample live(LiveObjectSample s) {
        return new LiveObjectSample(interner.intern(s.objectType()), s.allocationTime(), s.age(), s.objectSizeBytes(),
                s.arrayElements(), traceback(s.stack()), chain(s.chain()));
    }

    private ReferenceChain chain(ReferenceChain chain) {
        if (chain == null) {
            return null;
        }
        List<Hop> hops = map(chain.hops(), h -> interner.intern(new Hop(interner.intern(h.holderType()),
                interner.intern(h.field()), h.arrayIndex(), h.skippedBefore())));
        GcRoot root = interner.intern(new GcRoot(interner.intern(chain.root().kind()),
                interner.intern(chain.root().description())));
        return interner.intern(new ReferenceChain(hops, root, chain.truncated()));
    }

    private List<Frame> traceback(List<Frame> frames) {
        return interner.intern(map(frames, this::frame));
    }

    private Frame frame(Frame f) {
        if (f == null) {
            return null;
        }
        return interner.intern(new Frame(interner.intern(f.className()), interner.intern(f.methodName()),
                interner.intern(f.fileName()), f.line()));
    }

    // List.copyOf of an ArrayList gives the immutable list the records keep as it is (no second copy)
    private static <T> List<T> map(List<T> values, UnaryOperator<T> canonical) {
        List<T> mapped = new ArrayList<>(values.size());
        for (T value : values) {
            mapped.add(canonical.apply(value));
        }
        return List.copyOf(mapped);
    }
}
