package example.leakyshop;

import java.util.ArrayList;
import java.util.List;

/**
 * LEAK 3, the capturing closure: after rendering a report, an audit callback is kept to run when the
 * service stops. The callback only needs the report's id, but the lambda captures the whole
 * {@code report} variable, so every rendered body stays alive until shutdown.
 */
final class ReportService {

    static final int REPORT_BYTES = 8 * 1024;

    record Report(long id, byte[] body) {
    }

    private final List<Runnable> onShutdown = new ArrayList<>();
    private long nextId;

    /** Renders a report and remembers to audit it at shutdown. */
    synchronized long render() {
        Report report = new Report(++nextId, new byte[REPORT_BYTES]);
        onShutdown.add(() -> audit(report.id()));
        return report.id();
    }

    private static void audit(long reportId) {
        // in a real service this would write an audit line; the demo only needs the callback to exist
    }

    synchronized int pendingCallbacks() {
        return onShutdown.size();
    }

    /** The callback list, to register with heapscope as a root. */
    synchronized List<Runnable> asList() {
        return onShutdown;
    }
}
