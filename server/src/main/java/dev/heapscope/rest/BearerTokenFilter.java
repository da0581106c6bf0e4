package dev.heapscope.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** With an access token configured, every request must carry {@code Authorization: Bearer <token>}. */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class BearerTokenFilter implements ContainerRequestFilter {

    private final byte[] expected;

    BearerTokenFilter(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        // constant-time, so the comparison leaks nothing about how much of a guess was right
        if (!MessageDigest.isEqual(expected, given)) {
            Response problem = Problems.response(401, "unauthorized", header == null
                    ? "this heapscope requires 'Authorization: Bearer <token>'"
                    : "the bearer token is not valid");
            request.abortWith(Response.fromResponse(problem)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"heapscope\"").build());
        }
    }
}
