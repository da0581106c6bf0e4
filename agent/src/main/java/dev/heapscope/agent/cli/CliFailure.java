package dev.heapscope.agent.cli;

/** A failure the command line reports as one line, {@code heapscope: <message>}, and exit status 1. */
final class CliFailure extends RuntimeException {

    CliFailure(String message) {
        super(message, null, false, false);
    }
}
