package dev.heapscope.snapshot;

import java.util.List;

/**
 * A snapshot's live sampled objects grouped by allocation site, most samples first.
 *
 * @param snapshot             the snapshot's name
 * @param liveSamplesAvailable whether the snapshot has live samples at all; when false the groups are
 *                             empty because nothing was sampled, not because nothing leaks (notes say why)
 * @param chainsIncluded       whether the samples carry reference chains
 * @param totalSamples         live sampled objects in the snapshot, in all groups
 * @param groups               at most the requested number of groups
 * @param notes                what a reader should know
 */
public record LeakReport(String snapshot, boolean liveSamplesAvailable, boolean chainsIncluded, int totalSamples,
                         List<LeakGroup> groups, List<String> notes) {
    public LeakReport {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }
}
