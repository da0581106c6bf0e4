package dev.heapscope.snapshot;

/** What a figure is, so nobody mistakes an estimate for a measurement. */
public enum FigureBasis {
    /** The sum of JFR allocation samples' weights: a rough estimate of bytes. */
    ESTIMATED,
    /** A number of sampled events or objects, or the sizes of sampled objects only. */
    SAMPLES,
    /** From the class histogram after a full GC. */
    EXACT,
    /** This JVM does not report it. */
    UNAVAILABLE
}
