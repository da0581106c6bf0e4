package com.example.leaky;

import dev.heapscope.Heapscope;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A service with heapscope embedded, for tests that need a JVM of their own (a heap whose allocation
 * buffers are not shaped by hundreds of earlier tests). Prints where heapscope listens, then obeys one
 * command per line on stdin, answering each with a line: {@code warm <MB>} lets its threads churn that much each, {@code fill <MB>} builds long-lived state,
 * {@code grow <MB> <churn factor>} grows the five leaks of {@link LeakScenario}; end of input exits.
 */
public final class LeakService {

    private LeakService() {
    }

    public static void main(String[] args) throws Exception {
        try (Heapscope heapscope = Heapscope.builder().port(0).start(); LeakScenario scenario = new LeakScenario()) {
            System.out.println("heapscope listening on " + heapscope.uri());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "fill" -> LongLivedState.build(Integer.parseInt(words[1]), 8);
                    case "warm" -> scenario.warmUp(Long.parseLong(words[1]) << 20);
                    case "grow" -> scenario.grow(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
                    default -> System.out.println("unknown command: " + line);
                }
                System.out.println("done: " + line);
            }
        }
    }
}
