package dev.heapscope.heap;

/**
 * Unused bytes in an object layout.
 *
 * @param offset    byte offset where the gap starts
 * @param size      its length in bytes
 * @param alignment true for the loss at the end that pads the object to the VM's alignment,
 *                  false for an internal gap between fields
 */
public record LayoutGap(long offset, long size, boolean alignment) {
}
