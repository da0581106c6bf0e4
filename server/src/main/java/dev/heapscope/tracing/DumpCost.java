package dev.heapscope.tracing;

import java.time.Duration;

/**
 * Where a dump's time went, for benchmarks and for operators wondering about a slow snapshot.
 *
 * @param dump        JFR's part: with live sampling, the dump that emits the live samples (with the
 *                    reference-chain search at a safepoint when chains were asked for) and copies the
 *                    current chunk to a file heapscope deletes unread; without, a chunk rotation
 * @param catchUp     waiting until the repository reader has read everything up to the end of that chunk
 * @param bytesCopied the dump file's size: JFR copies the chunk written since the previous dump or
 *                    rotation (at most JFR's chunk size, 12 MB by default); 0 without live sampling
 */
public record DumpCost(Duration dump, Duration catchUp, long bytesCopied) {
}
