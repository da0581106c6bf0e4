package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import java.util.List;

/** Leak groups new or grown since a baseline, biggest growth first. */
@Doc("leak groups new or grown (in samples) since a baseline, biggest growth first")
public record LeakComparison(@Doc("the newer snapshot's name") String snapshot,
                             @Doc("the baseline's name") String baseline,
                             @Doc("at most the limit asked for, biggest growth first") List<LeakGrowth> groups,
                             @Doc("what a reader should know about these figures") List<String> notes) {
    public LeakComparison {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }
}
