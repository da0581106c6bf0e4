package dev.heapscope.timeline;

/**
 * What the timeline keeps, and what that costs.
 *
 * @param fineSeconds       per-second samples kept (the most recent ones)
 * @param coarseMinutes     one-minute points kept beyond them (each the minute's largest figures)
 * @param collections       garbage collections kept (the most recent ones)
 * @param marks             marks kept (the most recent ones)
 * @param bytesHeld         the bytes the rings take, fixed from the start (primitive arrays sized up front)
 */
public record TimelineBounds(int fineSeconds, int coarseMinutes, int collections, int marks, long bytesHeld) {
}
