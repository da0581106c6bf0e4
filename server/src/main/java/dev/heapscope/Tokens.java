package dev.heapscope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Validation and loading of bearer tokens. No message ever contains a token, or part of one. */
final class Tokens {

    /** The shortest token accepted: 16 characters leave a guesser nothing to gain over the network. */
    static final int MIN_LENGTH = 16;

    private Tokens() {
    }

    static String require(String what, String token) {
        if (token == null || token.isBlank() || token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the " + what + " must have at least " + MIN_LENGTH + " characters");
        }
        if (token.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("the " + what + " must not contain spaces or control characters");
        }
        return token;
    }

    static String fromFile(String what, Path file) {
        if (file == null) {
            throw new IllegalArgumentException("the file holding the " + what + " is null");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + what + " from " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    static String fromEnv(String what, String variable) {
        String value = variable == null ? null : System.getenv(variable);
        if (value == null) {
            throw new IllegalArgumentException("the environment variable " + variable + " holding the " + what
                    + " is not set");
        }
        return value.strip();
    }
}
