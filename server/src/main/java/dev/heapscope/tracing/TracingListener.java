package dev.heapscope.tracing;

/**
 * Told when tracing starts or stops, whichever adapter asked (REST, JMX or code). Called on the
 * caller's thread after the change took effect; must return quickly and must not throw.
 */
public interface TracingListener {

    /** Tracing went from off to on; {@code status} is the status right after starting. */
    void started(TracingStatus status);

    /** Tracing went from on to off; {@code before} is the status just before stopping (its settings, since). */
    void stopped(TracingStatus before);
}
