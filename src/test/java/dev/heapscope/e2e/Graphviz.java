package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs Graphviz's {@code dot} on a graph: it must parse and render. .ci/run installs graphviz. */
final class Graphviz {

    private Graphviz() {
    }

    static void assertParses(String graph) throws IOException, InterruptedException {
        Path dot = Path.of("/usr/bin/dot");
        assertThat(dot).as("graphviz's dot (apt-get install graphviz; .ci/run installs it)").isExecutable();
        Process process = new ProcessBuilder(dot.toString(), "-Tsvg").redirectErrorStream(true).start();
        process.getOutputStream().write(graph.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("<svg");
    }
}
