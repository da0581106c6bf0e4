package dev.heapscope.snapshot;

import java.util.List;

/**
 * Leak groups new or grown since a baseline, biggest growth first.
 *
 * @param snapshot the newer snapshot's name
 * @param baseline the baseline's name
 * @param groups   at most the requested number
 * @param notes    what a reader should know
 */
public record LeakComparison(String snapshot, String baseline, List<LeakGrowth> groups, List<String> notes) {
    public LeakComparison {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }
}
