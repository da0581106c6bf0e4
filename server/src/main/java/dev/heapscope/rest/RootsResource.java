package dev.heapscope.rest;

import dev.heapscope.Cancellation;
import dev.heapscope.HeapscopeException;
import dev.heapscope.heap.RootsService;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.heap.WalkRequest;
import dev.heapscope.rest.api.RootsApi;
import dev.heapscope.rest.model.RegisteredRoot;
import dev.heapscope.rest.model.RootList;
import dev.heapscope.rest.model.RootPath;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** /roots: maps to {@link RootsService}; each walk stops when its client closes the connection. */
public final class RootsResource implements RootsApi {

    private final RootsService roots;

    @Context
    private HttpServletRequest servletRequest;

    @Inject
    RootsResource(RootsService roots) {
        this.roots = roots;
    }

    @Override
    public Response listRoots() {
        return Response.ok(new RootList(roots.list().stream()
                .map(r -> new RegisteredRoot(r.name(), r.type(), r.alive())).toList())).build();
    }

    @Override
    public Response putRoot(String name, RootPath path) {
        if (path == null) {
            throw new HeapscopeException.BadRequest("a body is required: {\"className\": \"com.example.SessionCache\","
                    + " \"fieldPath\": \"INSTANCE.sessions\"}");
        }
        RootsService.PathRegistration registered = roots.registerByPath(name, path.getClassName(),
                path.getFieldPath(), path.getClassLoader());
        RegisteredRoot root = new RegisteredRoot(registered.root().name(), registered.root().type(),
                registered.root().alive());
        return Response.status(registered.replaced() ? Response.Status.OK : Response.Status.CREATED)
                .entity(root).build();
    }

    @Override
    public Response deleteRoot(String name) {
        roots.unregister(name);
        return Response.noContent().build();
    }

    @Override
    public Response getRootSize(String name, Integer limit, Long maxObjects, Long timeLimitMs, String follow) {
        WalkOptions options = WalkRequest.options(maxObjects, timeLimitMs, follow);
        return whileConnected(cancellation -> Models.of(roots.size(name, limit, options, cancellation)));
    }

    @Override
    public Response getBackrefs(String name, String type, Integer limit, Integer maxDepth, Long maxObjects,
                                Long timeLimitMs, String follow) {
        WalkOptions options = WalkRequest.options(maxObjects, timeLimitMs, follow);
        return whileConnected(cancellation -> Models.of(roots.backrefs(name, type, limit, maxDepth, options,
                cancellation)));
    }

    @Override
    public Response getRefs(String name, Integer maxDepth, Long maxObjects, Long timeLimitMs, String follow) {
        WalkOptions options = WalkRequest.options(maxObjects, timeLimitMs, follow);
        return whileConnected(cancellation -> Models.of(roots.refs(name, maxDepth, options, cancellation)));
    }

    /** Runs a walk that stops when the client closes its connection (or heapscope closes). */
    private Response whileConnected(Function<Cancellation, Object> walk) {
        Cancellation cancellation = roots.newCancellation();
        try (DisconnectWatch watch = DisconnectWatch.start(servletRequest, cancellation)) {
            Object report = walk.apply(cancellation);
            Response.ResponseBuilder ok = Response.ok(report);
            return watch.tookClientBytes() ? ok.header("Connection", "close").build() : ok.build();
        }
    }
}
