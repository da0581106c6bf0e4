package dev.heapscope.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * With access tokens configured, every request must carry {@code Authorization: Bearer <token>}: the
 * full token, or the read-only one; the level it grants is left in the request for
 * {@link AccessLevelFilter}. Neither token is ever logged or echoed.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class BearerTokenFilter implements ContainerRequestFilter {

    /** The request property holding the {@link AccessTokens.Level} a request was granted. */
    static final String LEVEL = "dev.heapscope.access-level";

    private final AccessTokens tokens;

    BearerTokenFilter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        AccessTokens.Level level = tokens.levelOf(header);
        if (level == AccessTokens.Level.NONE) {
            Response problem = Problems.response(401, "unauthorized", header == null
                    ? "this heapscope requires 'Authorization: Bearer <token>'"
                    : "the bearer token is not valid");
            request.abortWith(Response.fromResponse(problem)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"heapscope\"").build());
            return;
        }
        request.setProperty(LEVEL, level);
    }
}
