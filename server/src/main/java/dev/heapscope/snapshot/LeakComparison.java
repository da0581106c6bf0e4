package dev.heapscope.snapshot;

import java.util.List;

/**
 * Leak groups with live samples gained since a baseline, most gained first.
 *
 * @param snapshot             the newer snapshot's name
 * @param baseline             the baseline's name
 * @param liveSamplesAvailable whether the snapshot has live samples at all; when false the list is empty
 *                             because nothing was sampled, not because nothing leaks (notes say why)
 * @param groups               at most the requested number
 * @param notes                what a reader should know
 */
public record LeakComparison(String snapshot, String baseline, boolean liveSamplesAvailable,
                             List<LeakGrowth> groups, List<String> notes) {
    public LeakComparison {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }
}
