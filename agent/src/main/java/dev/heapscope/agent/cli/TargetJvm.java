package dev.heapscope.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A running JVM reached through the attach API ({@code jdk.attach}), the only class of the command line
 * that touches it: the command line checks for the module first, so a runtime without it gets one clear
 * line rather than a {@code NoClassDefFoundError}.
 */
final class TargetJvm implements AutoCloseable {

    static final String URL_PROPERTY = "heapscope.agent.url";
    static final String ERROR_PROPERTY = "heapscope.agent.error";
    private static final int MIN_JAVA = 17;

    private final long pid;
    private final VirtualMachine vm;

    private TargetJvm(long pid, VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    /** The JVMs this user can attach to, but this one. */
    static List<VirtualMachineDescriptor> attachable() {
        String self = Long.toString(ProcessHandle.current().pid());
        return VirtualMachine.list().stream().filter(d -> !d.id().equals(self)).toList();
    }

    /**
     * Attaches to {@code pid}.
     *
     * @throws CliFailure with one line saying why not: no such process, another user's, not a JVM, attach
     *                    disabled, or too old a Java
     */
    static TargetJvm attach(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() ->
                new CliFailure("no process with pid " + pid));
        String me = System.getProperty("user.name");
        Optional<String> owner = process.info().user();
        if (owner.isPresent() && !owner.get().equals(me)) {
            throw new CliFailure("process " + pid + " belongs to user " + owner.get() + ", not " + me
                    + ": run heapscope-agent as that user (e.g. sudo -u " + owner.get()
                    + " java -jar heapscope-agent.jar ...); the JVM only accepts an attach from its own user");
        }
        boolean listed = attachable().stream().anyMatch(d -> d.id().equals(Long.toString(pid)));
        if (!listed) {
            if (Files.exists(perfData(pid, me))) {
                throw new CliFailure("process " + pid + " does not accept an attach (it was started with"
                        + " -XX:+DisableAttachMechanism): start it with -javaagent:heapscope-agent.jar instead");
            }
            // attaching to a process that is not a JVM would send it SIGQUIT, which kills most programs
            throw new CliFailure("process " + pid + " is not a Java virtual machine that " + me + " can attach to");
        }
        try {
            TargetJvm target = new TargetJvm(pid, VirtualMachine.attach(Long.toString(pid)));
            target.requireJava(MIN_JAVA);
            return target;
        } catch (AttachNotSupportedException | IOException e) {
            throw new CliFailure("cannot attach to process " + pid + ": " + e.getMessage());
        }
    }

    private static Path perfData(long pid, String user) {
        return Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + user, Long.toString(pid));
    }

    private void requireJava(int min) {
        String version = properties().getProperty("java.specification.version", "0");
        int major;
        try {
            major = Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
        } catch (NumberFormatException e) {
            major = 0;
        }
        if (major < min) {
            close();
            throw new CliFailure("process " + pid + " runs Java " + version + "; heapscope needs Java " + min + " or newer");
        }
    }

    /** heapscope's URL in that JVM, when the agent's heapscope runs there. */
    Optional<String> heapscopeUrl() {
        return Optional.ofNullable(properties().getProperty(URL_PROPERTY));
    }

    /** Why the agent's last start or stop failed there, if it did. */
    Optional<String> agentError() {
        return Optional.ofNullable(properties().getProperty(ERROR_PROPERTY));
    }

    /**
     * Loads heapscope-agent.jar into that JVM with these arguments; its {@code agentmain} has returned when
     * this returns.
     */
    void loadAgent(Path agentJar, String arguments) {
        try {
            vm.loadAgent(agentJar.toString(), arguments);
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            throw new CliFailure("cannot load the agent into process " + pid + ": " + e.getMessage());
        }
    }

    private Properties properties() {
        try {
            return vm.getSystemProperties();
        } catch (IOException e) {
            throw new CliFailure("cannot read the system properties of process " + pid + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            vm.detach();
        } catch (IOException ignored) {
            // the JVM may have gone; nothing is left to release on this side
        }
    }
}
