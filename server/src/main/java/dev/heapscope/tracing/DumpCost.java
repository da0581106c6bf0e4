package dev.heapscope.tracing;

import java.time.Duration;

/**
 * Where a dump's time went, for benchmarks and for operators wondering about a slow snapshot.
 *
 * @param rotation    making JFR start a new chunk, so that the dump file holds only this dump's data
 * @param dump        JFR's dump: emitting the live samples (with the reference-chain search, at a
 *                    safepoint, when chains were asked for) and copying the new chunk to a file;
 *                    zero without live sampling
 * @param parse       reading the live samples out of the file
 * @param catchUp     waiting until the repository reader has summed everything before the dump
 * @param bytesParsed the dump file's size: what this dump read from disk
 */
public record DumpCost(Duration rotation, Duration dump, Duration parse, Duration catchUp, long bytesParsed) {
}
