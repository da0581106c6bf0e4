package dev.heapscope.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * The read-only token may read status, snapshots and their reports; what the contract marks as needing
 * full access (anything that changes state or costs the host a GC or a walk) answers it 403.
 */
@Priority(Priorities.AUTHORIZATION)
final class AccessLevelFilter implements ContainerRequestFilter {

    private final Contract contract;

    @Context
    private ResourceInfo resource;

    AccessLevelFilter(Contract contract) {
        this.contract = contract;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(BearerTokenFilter.LEVEL) != AccessTokens.Level.READ_ONLY) {
            return;
        }
        String operation = resource.getResourceMethod() == null ? "" : resource.getResourceMethod().getName();
        if (contract.needsFullAccess(operation, request.getMethod())) {
            request.abortWith(Problems.response(403, "forbidden", "the read-only token may read status, snapshots"
                    + " and their reports; " + request.getMethod() + " " + request.getUriInfo().getPath()
                    + " (" + operation + ") needs the full access token"));
        }
    }
}
