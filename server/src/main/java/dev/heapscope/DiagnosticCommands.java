package dev.heapscope;

import java.lang.management.ManagementFactory;
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
