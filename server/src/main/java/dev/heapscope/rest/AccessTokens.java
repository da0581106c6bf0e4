package dev.heapscope.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The configured bearer tokens, kept only as SHA-256 digests. A presented token is hashed and compared
 * with both digests in constant time ({@link MessageDigest#isEqual}), so neither the comparison's time
 * nor the tokens' lengths tell a guesser anything.
 */
final class AccessTokens {

    /** What a request may do. */
    enum Level { NONE, READ_ONLY, FULL }

    private static final String BEARER = "Bearer ";
    // no token hashes to all zeros: stands for "no read-only token" so that both comparisons always run
    private static final byte[] NO_TOKEN = new byte[32];

    private final byte[] full;
    private final byte[] readOnly;

    /** @param readOnlyToken null when there is none */
    AccessTokens(String fullToken, String readOnlyToken) {
        this.full = digest(fullToken);
        this.readOnly = readOnlyToken == null ? NO_TOKEN : digest(readOnlyToken);
    }

    /** The level an {@code Authorization} header grants; NONE when it is missing or matches no token. */
    Level levelOf(String authorization) {
        String presented = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : "";
        byte[] given = digest(presented);
        // both comparisons always run: which token matched takes the same time
        boolean isFull = MessageDigest.isEqual(full, given);
        boolean isReadOnly = MessageDigest.isEqual(readOnly, given);
        if (presented.isEmpty()) {
            return Level.NONE;
        }
        return isFull ? Level.FULL : isReadOnly ? Level.READ_ONLY : Level.NONE;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
