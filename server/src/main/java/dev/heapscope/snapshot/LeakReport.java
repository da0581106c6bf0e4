package dev.heapscope.snapshot;

import java.util.List;

/**
 * A snapshot's live sampled objects grouped by allocation site, most samples first.
 *
 * @param snapshot       the snapshot's name
 * @param chainsIncluded whether the snapshot holds reference chains (it does when tracing was on)
 * @param totalSamples   live sampled objects in the snapshot, in all groups
 * @param groups         at most the requested number of groups
 * @param notes          what a reader should know
 */
public record LeakReport(String snapshot, boolean chainsIncluded, int totalSamples, List<LeakGroup> groups,
                         List<String> notes) {
    public LeakReport {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }
}
