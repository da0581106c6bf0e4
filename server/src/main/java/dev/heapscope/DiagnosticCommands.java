package dev.heapscope;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The JVM's {@code com.sun.management:type=DiagnosticCommand} MBean, the one door to {@code jcmd}
 * commands from inside the process (GC.class_histogram, JFR.dump with path-to-gc-roots, GC.run).
 */
public final class DiagnosticCommands {

    private static final String MBEAN = "com.sun.management:type=DiagnosticCommand";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    public DiagnosticCommands() {
        try {
            name = new ObjectName(MBEAN);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A full GC ({@code GC.run}). Unlike {@code System.gc()} it is not disabled by
     * {@code -XX:+DisableExplicitGC}; old-object samples are reported only once they survived a GC.
     */
    public void gcRun() {
        invoke("gcRun");
    }

    /**
     * {@code JFR.dump} of one recording into a file. With chains, {@code path-to-gc-roots} is left
     * out on purpose: {@code path-to-gc-roots=true} makes JFR search for roots with no time limit,
     * while leaving it out makes JFR use the recording's own (finite) {@code cutoff}.
     */
    public void jfrDump(String recordingName, Path file, boolean withChains) {
        jfrDump(recordingName, file, withChains, null);
    }

    /**
     * As {@link #jfrDump(String, Path, boolean)}, copying only the chunks that end at or after
     * {@code begin} (JFR keeps whole chunks); null copies all.
     */
    public void jfrDump(String recordingName, Path file, boolean withChains, Instant begin) {
        List<String> args = new ArrayList<>();
        args.add("name=" + quoted(recordingName));
        args.add("filename=" + quoted(file.toString()));
        if (!withChains) {
            args.add("path-to-gc-roots=false");
        }
        if (begin != null) {
            args.add("begin=" + begin);
        }
        invoke("jfrDump", args.toArray(new String[0]));
    }

    // the arguments are joined into one command line and split again on blanks
    private static String quoted(String value) {
        return value.chars().anyMatch(Character::isWhitespace) ? '"' + value + '"' : value;
    }

    /**
     * Invokes one diagnostic command, e.g. {@code invoke("gcClassHistogram")} or
     * {@code invoke("jfrDump", "name=x", "filename=/tmp/x.jfr")}, and returns its text output.
     *
     * @throws HeapscopeException.Unavailable when the JVM has no such command or it fails
     */
    public String invoke(String operation, String... arguments) {
        try {
            Object result = server.invoke(name, operation,
                    new Object[] {arguments}, new String[] {String[].class.getName()});
            return result == null ? "" : result.toString();
        } catch (JMException | RuntimeException e) {
            throw new HeapscopeException.Unavailable(
                    "the JVM's diagnostic command " + operation + " failed: " + e.getMessage());
        }
    }
}
