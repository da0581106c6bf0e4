package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python script with Debian's python3 and a real reader of a format heapscope writes: memory_profiler's
 * {@code mprof} for the .dat lines, the Prometheus client's text-format parser for /metrics. .ci/run installs
 * them (python3-memory-profiler, python3-prometheus-client), so CI always runs these checks; on a machine
 * without them they are skipped, and the tests' own Java checks still run.
 */
final class Python {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private Python() {
    }

    /** Runs {@code script} with {@code input} on its standard input; returns what it printed; fails on a non-zero exit. */
    static String run(String module, String script, String input) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(PYTHON) && exec("import " + module, "").exit == 0;
        Assumptions.assumeTrue(present || System.getenv("CI") != null,
                "python3 with " + module + " is not installed (.ci/run installs it): not checked with the real reader");
        Result result = exec(script, input);
        assertThat(result.exit).as(result.output).isZero();
        return result.output;
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(String script, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
