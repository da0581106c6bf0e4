package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import java.util.concurrent.TimeUnit;

/**
 * Runs Graphviz's {@code dot} on a graph: it must parse and render. .ci/run installs graphviz, so CI
 * always runs this check; on a machine without {@code dot} (a fresh one with only a JDK and Maven) the
 * rendering check is skipped, and the tests' own assertions on the DOT text still run.
 */
final class Graphviz {

    private Graphviz() {
    }

    static void assertParses(String graph) throws IOException, InterruptedException {
        Path dot = Path.of("/usr/bin/dot");
        Assumptions.assumeTrue(Files.isExecutable(dot) || System.getenv("CI") != null,
                "graphviz's dot is not installed (apt-get install graphviz): rendering not checked");
        assertThat(dot).as("graphviz's dot (.ci/run installs it)").isExecutable();
        Process process = new ProcessBuilder(dot.toString(), "-Tsvg").redirectErrorStream(true).start();
        process.getOutputStream().write(graph.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("<svg");
    }
}
