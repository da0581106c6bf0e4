package dev.heapscope.agent.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar heapscope-agent.jar list|start|status|stop}: heapscope in a running JVM, by pid.
 * Exit status 0 on success, 1 when the JVM cannot be reached or heapscope is not running (status), 2 for
 * a command line that cannot be understood.
 */
@Command(name = "heapscope-agent", mixinStandardHelpOptions = true, versionProvider = AgentCli.Version.class,
        description = {"heapscope in a running JVM, by pid: start, status, stop; or at JVM start with",
                "-javaagent:heapscope-agent.jar[=port=7070,host=127.0.0.1,tokenFile=F,maxSnapshots=N,tracing=on,",
                "roots=name:com.example.Class#FIELD.path;...]"},
        subcommands = {AgentCli.ListJvms.class, AgentCli.Start.class, AgentCli.Status.class, AgentCli.Stop.class})
public final class AgentCli implements Callable<Integer> {

    static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new AgentCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliFailure failure) {
                line.getErr().println("heapscope: " + failure.getMessage());
                return EXIT_FAILED;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The JVMs this user can attach to, and heapscope's URL where it runs. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the JVMs this user can attach to: pid, main class or jar, heapscope's URL where it runs.")
    static final class ListJvms implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            requireAttach();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-8s %-44s %s%n", "PID", "MAIN", "HEAPSCOPE");
            for (var vm : TargetJvm.attachable()) {
                out.printf("%-8s %-44s %s%n", vm.id(), mainOf(vm.displayName()), urlOf(Long.parseLong(vm.id())));
            }
            out.flush();
            return 0;
        }

        private static String urlOf(long pid) {
            try (TargetJvm target = TargetJvm.attach(pid)) {
                return target.heapscopeUrl().orElse("-");
            } catch (CliFailure e) {
                return "? (" + e.getMessage() + ")";
            }
        }

        private static String mainOf(String displayName) {
            String main = displayName == null || displayName.isBlank() ? "?" : displayName.strip().split("\\s+")[0];
            return main.length() > 44 ? "..." + main.substring(main.length() - 41) : main;
        }
    }

    /** A command on one JVM by pid: checks for jdk.attach, attaches, runs, detaches. */
    abstract static class PidCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "<pid>", description = "the JVM's process id (see list)")
        long pid;

        @Override
        public final Integer call() {
            requireAttach();
            PrintWriter out = spec.commandLine().getOut();
            try (TargetJvm target = TargetJvm.attach(pid)) {
                return run(target, out);
            } finally {
                out.flush();
            }
        }

        abstract int run(TargetJvm target, PrintWriter out);
    }

    /** Starts heapscope in a running JVM. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start heapscope inside the JVM with this pid; prints 'heapscope listening on http://HOST:PORT'.",
                    "Where heapscope already runs, prints its URL and starts no second one.",
                    "JDK 21+ prints a warning about a dynamically loaded agent (JEP 451) in that JVM's output;",
                    "start it with -XX:+EnableDynamicAgentLoading to allow it without the warning."})
    static final class Start extends PidCommand {
        @Option(names = "--port", paramLabel = "N", description = "port, 0 for any free one (default: 7070)")
        Integer port;
        @Option(names = "--host", paramLabel = "H", description = "address to bind (default: 127.0.0.1; any other needs --token-file)")
        String host;
        @Option(names = "--token-file", paramLabel = "F",
                description = "a file holding the access token; read by the target JVM, so give a path it can read")
        Path tokenFile;
        @Option(names = "--read-only-token-file", paramLabel = "F",
                description = "a file holding a read-only token (needs --token-file)")
        Path readOnlyTokenFile;
        @Option(names = "--allowed-host", paramLabel = "NAME",
                description = "a further Host name to answer (repeatable); others get 421")
        java.util.List<String> allowedHosts;
        @Option(names = "--tls-keystore", paramLabel = "F", description = "serve HTTPS from this PKCS12 (or .jks) keystore")
        Path tlsKeystore;
        @Option(names = "--tls-password-file", paramLabel = "F", description = "a file holding the keystore's password")
        Path tlsPasswordFile;

        @Override
        int run(TargetJvm target, PrintWriter out) {
            if (target.heapscopeUrl().isEmpty()) {
                target.loadAgent(agentJar(), arguments());
            }
            String url = target.heapscopeUrl().orElseThrow(() -> new CliFailure("not started in process " + pid
                    + ": " + target.agentError().orElse("the agent did not say why (see that JVM's output)")));
            out.println("heapscope listening on " + url);
            return 0;
        }

        private String arguments() {
            StringBuilder args = new StringBuilder("start");
            if (port != null) {
                args.append(",port=").append(port);
            }
            if (host != null) {
                args.append(",host=").append(host);
            }
            if (tokenFile != null) {
                args.append(",tokenFile=").append(tokenFile.toAbsolutePath());
            }
            if (readOnlyTokenFile != null) {
                args.append(",readOnlyTokenFile=").append(readOnlyTokenFile.toAbsolutePath());
            }
            if (allowedHosts != null && !allowedHosts.isEmpty()) {
                args.append(",allowedHosts=").append(String.join(";", allowedHosts));
            }
            if (tlsKeystore != null) {
                args.append(",tlsKeystore=").append(tlsKeystore.toAbsolutePath());
            }
            if (tlsPasswordFile != null) {
                args.append(",tlsPasswordFile=").append(tlsPasswordFile.toAbsolutePath());
            }
            return args.toString();
        }
    }

    /** Whether heapscope runs in a JVM. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print heapscope's URL and exit 0 when it runs in the JVM with this pid; else exit 1.")
    static final class Status extends PidCommand {
        @Override
        int run(TargetJvm target, PrintWriter out) {
            var url = target.heapscopeUrl();
            out.println(url.map(u -> "heapscope listening on " + u).orElse("heapscope is not running in process " + pid));
            return url.isPresent() ? 0 : EXIT_FAILED;
        }
    }

    /** Stops heapscope in a JVM. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = {"Stop heapscope inside the JVM with this pid: its port, threads, JFR recording and MBeans",
                    "are released; a later start works again. Exit 1 when it was not running."})
    static final class Stop extends PidCommand {
        @Override
        int run(TargetJvm target, PrintWriter out) {
            if (target.heapscopeUrl().isEmpty()) {
                out.println("heapscope is not running in process " + pid);
                return EXIT_FAILED;
            }
            target.loadAgent(agentJar(), "stop");
            if (target.heapscopeUrl().isPresent()) {
                throw new CliFailure("not stopped in process " + pid + ": "
                        + target.agentError().orElse("the agent did not say why (see that JVM's output)"));
            }
            out.println("heapscope stopped in process " + pid);
            return 0;
        }
    }

    private static void requireAttach() {
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            throw new CliFailure("this Java runtime (" + System.getProperty("java.home") + ") has no jdk.attach"
                    + " module: run heapscope-agent.jar with a full JDK");
        }
    }

    static Path agentJar() {
        try {
            return Path.of(AgentCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new CliFailure("cannot locate heapscope-agent.jar: " + e.getMessage());
        }
    }

    /** The agent's version, from its jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AgentCli.class.getPackage().getImplementationVersion();
            return new String[] {"heapscope-agent " + (version == null ? "(development build)" : version)};
        }
    }
}
