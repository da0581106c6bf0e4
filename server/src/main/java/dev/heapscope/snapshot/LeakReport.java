package dev.heapscope.snapshot;

import dev.heapscope.Doc;
import java.util.List;

/** A snapshot's live sampled objects grouped by allocation site, most samples first. */
@Doc("a snapshot's live sampled objects grouped by allocation site and type, most samples first")
public record LeakReport(@Doc("the snapshot's name") String snapshot,
                         @Doc("whether the snapshot holds reference chains (it does when tracing was on)")
                         boolean chainsIncluded,
                         @Doc("live sampled objects in the snapshot, in all groups") int totalSamples,
                         @Doc("at most the limit asked for, most samples first") List<LeakGroup> groups,
                         @Doc("what a reader should know about these figures") List<String> notes) {
    public LeakReport {
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }
}
