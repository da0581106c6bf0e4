package dev.heapscope.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private final AccessTokens tokens = new AccessTokens("full-token-0123456789", "read-token-0123456789");

    @Test
    void levelOf_grantsEachTokenItsLevel() {
        assertThat(tokens.levelOf("Bearer full-token-0123456789")).isEqualTo(AccessTokens.Level.FULL);
        assertThat(tokens.levelOf("bearer read-token-0123456789")).isEqualTo(AccessTokens.Level.READ_ONLY);
    }

    @Test
    void levelOf_grantsNothing_toAMissingWrongOrPrefixToken() {
        assertThat(tokens.levelOf(null)).isEqualTo(AccessTokens.Level.NONE);
        assertThat(tokens.levelOf("Bearer ")).isEqualTo(AccessTokens.Level.NONE);
        assertThat(tokens.levelOf("Bearer full-token-012345678")).isEqualTo(AccessTokens.Level.NONE);
        assertThat(tokens.levelOf("Basic full-token-0123456789")).isEqualTo(AccessTokens.Level.NONE);
    }

    @Test
    void levelOf_withoutAReadOnlyToken_grantsOnlyTheFullOne() {
        AccessTokens fullOnly = new AccessTokens("full-token-0123456789", null);

        assertThat(fullOnly.levelOf("Bearer read-token-0123456789")).isEqualTo(AccessTokens.Level.NONE);
        assertThat(fullOnly.levelOf("Bearer full-token-0123456789")).isEqualTo(AccessTokens.Level.FULL);
    }
}
