package dev.heapscope.watch;

import java.time.Instant;

/**
 * The live set (exact live bytes after each watch snapshot's full GC) over the watch's window.
 *
 * @param snapshots              watch snapshots it rests on
 * @param fromBytes              live bytes at the first of them, or -1 without snapshots
 * @param toBytes                live bytes at the last of them, or -1 without snapshots
 * @param slopeBytesPerHour      least-squares slope, bytes per hour; null with too little data
 * @param growing                whether it grows steadily: in at least the suspects' number of intervals,
 *                               by at least {@value Judgement#MIN_LIVE_GROWTH_PERCENT}% of its first value
 * @param maxHeapBytes           the heap's maximum, -1 when undefined
 * @param projectedOutOfMemoryAt when the trend line reaches the maximum; null when not growing, the maximum
 *                               is undefined or there is too little data
 * @param restsOn                what the projection rests on, or why there is none, in words
 */
public record LiveSetTrend(int snapshots, long fromBytes, long toBytes, Long slopeBytesPerHour, boolean growing,
                           long maxHeapBytes, Instant projectedOutOfMemoryAt, String restsOn) {
}
