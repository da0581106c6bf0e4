package dev.heapscope.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar heapscope-agent.jar args...}, run to its end. */
final class AgentCommandLine {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private AgentCommandLine() {
    }

    /** Runs the command line with these JVM options before {@code -jar}, e.g. {@code --limit-modules ...}. */
    static Result runWith(List<String> jvmOptions, Object... args) {
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-jar", TestHost.agentJar().toString()));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        try (DemoProcess process = DemoProcess.java(command)) {
            int exit = process.awaitExit(TIMEOUT);
            return new Result(exit, process.output());
        }
    }

    static Result run(Object... args) {
        return runWith(List.of(), args);
    }

    /**
     * @param exit   the exit status
     * @param output stdout and stderr together
     */
    record Result(int exit, String output) {
        String lastLine() {
            List<String> lines = output.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }
}
