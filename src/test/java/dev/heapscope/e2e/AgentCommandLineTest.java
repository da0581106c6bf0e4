package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** heapscope-agent.jar's command line and the agent's failures: one clear line, an exit status, the host alive. */
class AgentCommandLineTest {

    static final Path RUNUSER = Path.of("/usr/sbin/runuser");

    @Test
    void help_isThereForEveryCommand() {
        for (String command : List.of("", "list", "start", "status", "stop")) {
            AgentCommandLine.Result help = command.isEmpty() ? AgentCommandLine.run("--help")
                    : AgentCommandLine.run(command, "--help");

            assertThat(help.exit()).as(command).isZero();
            assertThat(help.output()).as(command).startsWith("Usage: heapscope-agent" + (command.isEmpty() ? "" : " " + command));
        }
        assertThat(AgentCommandLine.run("start", "--help").output()).contains("-XX:+EnableDynamicAgentLoading");
    }

    @Test
    void aWrongCommandLine_exits2() {
        AgentCommandLine.Result result = AgentCommandLine.run("start", "not-a-pid");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("Invalid value for positional parameter at index 0 (<pid>): 'not-a-pid'");
    }

    @Test
    void aPidWithNoProcess_isOneLine_exit1() {
        long pid = unusedPid();

        AgentCommandLine.Result result = AgentCommandLine.run("start", pid);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).isEqualTo("heapscope: no process with pid " + pid);
    }

    @Test
    void aProcessThatIsNotAJvm_isOneLine_exit1_andIsLeftAlone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "120").start();
        try {
            AgentCommandLine.Result result = AgentCommandLine.run("status", sleep.pid());

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output()).isEqualTo("heapscope: process " + sleep.pid()
                    + " is not a Java virtual machine that " + System.getProperty("user.name") + " can attach to");
            assertThat(sleep.isAlive()).isTrue();
        } finally {
            sleep.destroy();
            sleep.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJvmWithAttachDisabled_isOneLine_exit1() {
        try (DemoProcess jvm = TestHost.idle("-XX:+DisableAttachMechanism")) {
            AgentCommandLine.Result result = AgentCommandLine.run("start", jvm.pid());

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output()).isEqualTo("heapscope: process " + jvm.pid() + " does not accept an attach (it"
                    + " was started with -XX:+DisableAttachMechanism): start it with -javaagent:heapscope-agent.jar instead");
        }
    }

    @Test
    void aJvmOfAnotherUser_isOneLine_exit1() {
        // root can start a JVM as another user here (CI runs as root); elsewhere this cannot be set up
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(RUNUSER),
                "needs root and runuser");
        try (DemoProcess jvm = TestHost.idleAs(List.of(RUNUSER.toString(), "-u", "nobody", "--"))) {
            long pid = Deadline.await("the JVM under runuser", TestHost.START_TIMEOUT, () -> jvm.descendant("java"));

            AgentCommandLine.Result result = AgentCommandLine.run("start", pid);

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output()).isEqualTo("heapscope: process " + pid + " belongs to user nobody, not root:"
                    + " run heapscope-agent as that user (e.g. sudo -u nobody java -jar heapscope-agent.jar ...);"
                    + " the JVM only accepts an attach from its own user");
        }
    }

    @Test
    void aRuntimeWithoutJdkAttach_isOneLine_exit1() {
        AgentCommandLine.Result result = AgentCommandLine.runWith(
                List.of("--limit-modules", "java.base,java.instrument,java.management"), "list");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).startsWith("heapscope: this Java runtime (").endsWith(
                ") has no jdk.attach module: run heapscope-agent.jar with a full JDK");
    }

    @Test
    void aJvmWithoutHeapscope_statusExits1_andABadStartLeavesItAlive() {
        try (DemoProcess jvm = TestHost.idle()) {
            AgentCommandLine.Result status = AgentCommandLine.run("status", jvm.pid());
            AgentCommandLine.Result badStart = AgentCommandLine.run("start", jvm.pid(), "--host", "0.0.0.0");

            assertThat(status.exit()).isEqualTo(1);
            assertThat(status.output()).isEqualTo("heapscope is not running in process " + jvm.pid());
            String why = "refusing to listen on 0.0.0.0 without an access token: give one (accessToken(...), or the"
                    + " agent's tokenFile=) or bind 127.0.0.1";
            assertThat(badStart.exit()).isEqualTo(1);
            assertThat(badStart.output()).endsWith("heapscope: not started in process " + jvm.pid() + ": " + why);
            assertThat(jvm.isAlive()).isTrue();
            assertThat(jvm.output()).contains("heapscope: not started: " + why);
        }
    }

    @Test
    void start_withATokenFile_requiresTheToken_andTheTokenIsOnNoCommandLine(@TempDir Path dir) throws Exception {
        String token = "t0k3n-for-the-agent-test";
        Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
        try (DemoProcess jvm = TestHost.idle()) {
            AgentCommandLine.Result started = AgentCommandLine.run("start", jvm.pid(), "--port", 0,
                    "--token-file", tokenFile);
            String url = started.lastLine().substring("heapscope listening on ".length());
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest.Builder tracing = HttpRequest.newBuilder(URI.create(url + "/api/v1/tracing"));

            int without = http.send(tracing.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            int with = http.send(tracing.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(started.exit()).as(started.output()).isZero();
            assertThat(without).isEqualTo(401);
            assertThat(with).isEqualTo(200);
            assertThat(ProcessHandle.allProcesses().flatMap(p -> p.info().commandLine().stream()))
                    .noneMatch(commandLine -> commandLine.contains(token));
            assertThat(AgentCommandLine.run("stop", jvm.pid()).exit()).isZero();
        }
    }

    @Test
    void aBadAgentOption_printsOneLine_andTheHostRunsOn() {
        try (DemoProcess jvm = TestHost.idle("-javaagent:" + TestHost.agentJar() + "=prot=7070")) {
            assertThat(jvm.output().lines()).containsExactly(
                    "heapscope: not started: unknown option 'prot' (known: port, host, tokenFile, readOnlyTokenFile,"
                            + " allowedHosts, tlsKeystore, tlsPasswordFile, maxSnapshots, tracing, roots)",
                    "idle");
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    @Test
    void aPortInUse_printsOneLine_andTheHostRunsOn() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DemoProcess jvm = TestHost.idle("-javaagent:" + TestHost.agentJar() + "=port=" + taken.getLocalPort())) {
            List<String> lines = jvm.output().lines().toList();

            assertThat(lines).hasSize(2).endsWith("idle");
            assertThat(lines.get(0)).startsWith("heapscope: not started: heapscope could not listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": ");
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    private static long unusedPid() {
        for (long pid = 4_000_000; ; pid--) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
    }
}
