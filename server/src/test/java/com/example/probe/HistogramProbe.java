package com.example.probe;

/** An object of a type only the histogram test creates, outside dev.heapscope so it is not left out. */
public final class HistogramProbe {
}
