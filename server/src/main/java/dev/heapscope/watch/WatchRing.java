package dev.heapscope.watch;

import dev.heapscope.heap.ClassCount;
import dev.heapscope.snapshot.Snapshot;
import java.time.Instant;
import java.util.Arrays;

/**
 * The watch's snapshots, reduced to what the judgement needs and kept in slots allocated when the watch
 * starts: per type its exact live bytes and instances, per site its new live samples, and the live set.
 * Taking a snapshot writes into the oldest slot; nothing grows, so the watch adds no growth of its own to
 * the histograms it judges. Not thread-safe: {@link LeakWatch} locks.
 */
final class WatchRing {

    /** Distinct types judged; a heap with more classes has the rest left out (and says so). */
    static final int MAX_TYPES = 16_384;
    /** Distinct allocation sites judged. */
    static final int MAX_SITES = 4096;

    /** One kept snapshot. */
    static final class Slot {
        // a long, not an Instant: a slot keeps no object of its own that a new snapshot would add
        long timeMillis;
        long liveBytes;
        long liveObjects;
        long maxHeapBytes;
        boolean tracing;
        boolean sitesSized;
        final long[] typeBytes = new long[MAX_TYPES];
        final long[] typeCounts = new long[MAX_TYPES];
        final int[] siteSamples = new int[MAX_SITES];
        final long[] siteBytes = new long[MAX_SITES];

        Instant time() {
            return Instant.ofEpochMilli(timeMillis);
        }
    }

    private final Slot[] slots;
    private final NameTable types = new NameTable(MAX_TYPES);
    private final NameTable sites = new NameTable(MAX_SITES);
    private int start;
    private int size;

    WatchRing(int keep) {
        slots = new Slot[keep];
        for (int i = 0; i < keep; i++) {
            slots[i] = new Slot();
        }
    }

    /** Reduces a snapshot into the next slot (the oldest, once the ring is full). */
    void add(Snapshot snapshot) {
        Slot previous = size == 0 ? null : slot(size - 1);
        Slot slot;
        if (size == slots.length) {
            slot = slots[start];
            start = (start + 1) % slots.length;
        } else {
            slot = slots[(start + size) % slots.length];
            size++;
        }
        Arrays.fill(slot.typeBytes, 0);
        Arrays.fill(slot.typeCounts, 0);
        Arrays.fill(slot.siteSamples, 0);
        Arrays.fill(slot.siteBytes, 0);
        slot.timeMillis = snapshot.takenAt().toEpochMilli();
        slot.liveBytes = snapshot.heap().liveBytes();
        slot.liveObjects = snapshot.heap().liveObjects();
        slot.maxHeapBytes = snapshot.heap().maxBytes();
        slot.tracing = snapshot.tracing();
        for (ClassCount c : snapshot.histogram().classes()) {
            int id = types.idOf(c.type());
            if (id >= 0) {
                slot.typeBytes[id] += c.bytes();
                slot.typeCounts[id] += c.instances();
            }
        }
        slot.sitesSized = SiteGrowth.count(snapshot.liveObjects(), previous == null ? null : previous.time(), sites,
                slot.siteSamples, slot.siteBytes);
    }

    int size() {
        return size;
    }

    /** The i-th oldest slot. */
    Slot slot(int i) {
        return slots[(start + i) % slots.length];
    }

    NameTable types() {
        return types;
    }

    NameTable sites() {
        return sites;
    }

    /** The bytes the slots' arrays take. */
    long bytes() {
        return (long) slots.length * (16L * MAX_TYPES + 12L * MAX_SITES + 64);
    }
}
