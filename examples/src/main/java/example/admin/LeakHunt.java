package example.admin;

import dev.heapscope.client.ApiClient;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.SnapshotsApi;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.ComparisonReport;
import dev.heapscope.client.model.HeapFigures;
import dev.heapscope.client.model.SnapshotRequest;
import dev.heapscope.client.model.SnapshotSummary;
import dev.heapscope.client.model.TracingSettings;
import dev.heapscope.client.model.TracingStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;

/**
 * An admin script on the generated client alone, tracemalloc's classic recipe against a running
 * service: start tracing, snapshot {@code before}, let the service run, snapshot {@code after}, and
 * print the lines and types that grew.
 *
 * <pre>java -cp heapscope-demo.jar example.admin.LeakHunt [--url http://127.0.0.1:7070/api/v1] [--wait-seconds 20]</pre>
 *
 * Exit status: 0 done, 1 heapscope answered with an error (its detail is printed) or not at all,
 * 2 a bad command line.
 */
public final class LeakHunt {

    static final int EXIT_OK = 0;
    static final int EXIT_API_ERROR = 1;
    static final int EXIT_USAGE = 2;
    static final int TOP = 10;
    // compare returns entries by absolute change, shrinking ones too: ask for more, keep the top growing
    private static final int FETCH = 100;
    // a snapshot runs a full GC and dumps the recording: seconds on a big heap
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final ApiClient client;
    private final TracingApi tracing;
    private final SnapshotsApi snapshots;
    private final PrintStream out;

    private LeakHunt(HuntArgs args, PrintStream out) {
        this.client = new ApiClient();
        client.updateBaseUri(args.url().toString());
        client.setConnectTimeout(Duration.ofSeconds(5));
        client.setReadTimeout(READ_TIMEOUT);
        this.tracing = new TracingApi(client);
        this.snapshots = new SnapshotsApi(client);
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the hunt and returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        HuntArgs huntArgs = new HuntArgs();
        CommandLine parser = new CommandLine(huntArgs);
        try {
            parser.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("LeakHunt: " + e.getMessage());
            parser.usage(err);
            return EXIT_USAGE;
        }
        if (parser.isUsageHelpRequested()) {
            parser.usage(out);
            return EXIT_OK;
        }
        LeakHunt hunt = new LeakHunt(huntArgs, out);
        try {
            hunt.hunt(huntArgs);
            return EXIT_OK;
        } catch (Failed e) {
            err.println("LeakHunt: " + e.getMessage());
            return EXIT_API_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("LeakHunt: interrupted");
            return EXIT_API_ERROR;
        }
    }

    private void hunt(HuntArgs args) throws InterruptedException {
        out.println("heapscope leak hunt against " + args.url());
        ensureTracing();
        String before = unusedName("before");
        report(call("taking snapshot '" + before + "'", () -> snapshots.takeSnapshot(new SnapshotRequest().name(before))));
        out.printf("letting the service run for %d s ...%n", args.pause().toSeconds());
        out.flush();
        Thread.sleep(args.pause().toMillis());
        String after = unusedName("after");
        report(call("taking snapshot '" + after + "'", () -> snapshots.takeSnapshot(new SnapshotRequest().name(after))));
        out.println();
        GrowthTable.print("Top " + TOP + " growing lines (allocated between '" + before + "' and '" + after + "'):",
                compare(after, before, "line", "allocated"), TOP, out);
        GrowthTable.print("Top " + TOP + " growing types (live at '" + after + "' vs '" + before + "'):",
                compare(after, before, "type", "live"), TOP, out);
        out.printf("Both snapshots stay on the server; for the live objects by line, try:%n"
                + "  curl -s -H 'Accept: text/plain' '%s/snapshots/%s/compare/%s?groupBy=line&view=live'%n",
                args.url(), after, before);
    }

    private void ensureTracing() {
        TracingStatus status = call("reading the tracing state", tracing::getTracing);
        if (Boolean.TRUE.equals(status.getTracing())) {
            out.println("tracing already on since " + status.getSince() + ", " + settings(status.getSettings()));
            return;
        }
        // an empty body: the server's defaults (stack depth 16, 150 allocation samples/s)
        TracingStatus started = call("starting tracing", () -> tracing.startTracing(new TracingSettings()));
        out.println("tracing started, " + settings(started.getSettings()));
    }

    /** {@code base}, or {@code base-<timestamp>} when a snapshot named {@code base} exists already. */
    private String unusedName(String base) {
        boolean taken = call("listing snapshots", snapshots::listSnapshots).getSnapshots().stream()
                .anyMatch(s -> s.getName().equals(base));
        return taken ? base + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) : base;
    }

    private ComparisonReport compare(String name, String baseline, String groupBy, String view) {
        return call("comparing '" + name + "' with '" + baseline + "' by " + groupBy + " (" + view + ")",
                () -> snapshots.compareSnapshots(name, baseline, groupBy, view, false, FETCH, null));
    }

    private void report(SnapshotSummary s) {
        HeapFigures heap = s.getHeap();
        out.printf("snapshot '%s' taken: heap used %s, live %s in %,d objects (exact, after a full GC), "
                        + "%d allocation samples, %d live samples%n",
                s.getName(), Sizes.size(heap.getUsedBytes()), Sizes.size(heap.getLiveBytes()), heap.getLiveObjects(),
                orZero(s.getAllocationSamples()), orZero(s.getLiveSamples()));
    }

    private static String settings(TracingSettings s) {
        return s == null ? "default settings"
                : "stack depth " + s.getStackDepth() + ", " + s.getAllocationSamplesPerSecond() + " allocation samples/s";
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw new Failed(ApiProblems.describe(what, e, client.getObjectMapper()));
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws ApiException;
    }

    /** A step failed; the message says which and why. */
    private static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }
}
