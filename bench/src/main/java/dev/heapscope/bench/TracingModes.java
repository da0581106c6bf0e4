package dev.heapscope.bench;

import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.EventStream;

/**
 * What runs besides a workload in the tracing-overhead measurements, one name each, shared by the JMH
 * benchmark and the service harness (heapscope runs in every case, its HTTP server idle):
 * <ul>
 *   <li>{@code off}: nothing;
 *   <li>{@code jfr-only}: an empty JFR recording, the floor any JFR-based tracer pays;
 *   <li>{@code jfr-alloc}, {@code jfr-old}, {@code jfr-both}: a plain JFR recording, heapscope not tracing,
 *       of {@code jdk.ObjectAllocationSample} (1000/s, stacks), {@code jdk.OldObjectSample} (stacks, cutoff
 *       5 s) or both, on disk with a 64 MB bound: what heapscope's recording holds, without heapscope;
 *   <li>{@code jfr-both-streamed}: {@code jfr-both} with a stream reading JFR's repository as heapscope's
 *       reader does ({@code EventStream.openRepository()}, every allocation sample handled): what reading
 *       the samples as JFR writes them costs, without heapscope;
 *   <li>{@code heapscope}: heapscope tracing at its defaults (stack depth 16, 1000 samples/s, live
 *       sampling on);
 *   <li>{@code heapscope-depth64}: the same, keeping 64 frames per traceback;
 *   <li>{@code heapscope-alloc}: the same with {@code liveSampling: false} (allocation samples only, the
 *       counterpart of {@code jfr-alloc});
 *   <li>a number: heapscope at its defaults with that many allocation samples per second.
 * </ul>
 */
public final class TracingModes {

    private static final int STACK_DEPTH = 16;
    private static final int RATE = 1000;
    private static final List<String> PLAIN = List.of("jfr-only", "jfr-alloc", "jfr-old", "jfr-both");
    private static final String STREAMED = "-streamed";

    private TracingModes() {
    }

    /**
     * Starts {@code mode} in a JVM where {@code heapscope} runs and nothing else traces.
     *
     * @return what to close to stop it: the plain recording, or heapscope's tracing
     * @throws IllegalArgumentException for an unknown mode
     */
    public static AutoCloseable start(String mode, Heapscope heapscope) {
        if (mode.equals("off")) {
            return () -> { };
        }
        if (PLAIN.contains(mode)) {
            Recording recording = plainRecording(mode);
            recording.start();
            return recording::close;
        }
        if (mode.endsWith(STREAMED) && PLAIN.contains(mode.substring(0, mode.length() - STREAMED.length()))) {
            Recording recording = plainRecording(mode.substring(0, mode.length() - STREAMED.length()));
            recording.start();
            EventStream stream = openRepository();
            long[] seen = new long[1];
            stream.onEvent("jdk.ObjectAllocationSample", event -> seen[0] += event.getLong("weight"));
            stream.startAsync();
            return () -> {
                stream.close();
                recording.close();
            };
        }
        heapscope.tracing().start(settings(mode));
        return () -> heapscope.tracing().stop();
    }

    private static EventStream openRepository() {
        try {
            return EventStream.openRepository();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JFR's repository", e);
        }
    }

    /** A recording like heapscope's (on disk, 64 MB bound) holding the events {@code mode} names. */
    static Recording plainRecording(String mode) {
        Recording recording = new Recording();
        recording.setName("plain-" + mode);
        recording.setToDisk(true);
        recording.setMaxSize(64L * 1024 * 1024);
        if (mode.equals("jfr-alloc") || mode.equals("jfr-both")) {
            recording.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", RATE + "/s");
        }
        if (mode.equals("jfr-old") || mode.equals("jfr-both")) {
            recording.enable("jdk.OldObjectSample").withStackTrace().with("cutoff", "5 s");
        }
        return recording;
    }

    /** heapscope's settings for {@code mode}. @throws IllegalArgumentException for an unknown mode */
    static TracingSettings settings(String mode) {
        return switch (mode) {
            case "heapscope" -> TracingSettings.DEFAULTS;
            case "heapscope-depth64" -> new TracingSettings(TracingSettings.MAX_STACK_DEPTH, RATE);
            case "heapscope-alloc" -> new TracingSettings(STACK_DEPTH, RATE, false);
            default -> {
                try {
                    yield new TracingSettings(STACK_DEPTH, Integer.parseInt(mode));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown tracing mode '" + mode + "'");
                }
            }
        };
    }
}
