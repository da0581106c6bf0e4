package dev.heapscope.rest;

import dev.heapscope.heap.HeapService;
import dev.heapscope.rest.api.HeapApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** /heap: maps to {@link HeapService}. */
public final class HeapResource implements HeapApi {

    private final HeapService heap;

    @Inject
    HeapResource(HeapService heap) {
        this.heap = heap;
    }

    @Override
    public Response getHistogram(Integer limit) {
        return Response.ok(Models.of(heap.histogram(limit))).build();
    }

    @Override
    public Response getLayout(String className) {
        return Response.ok(Models.of(heap.layout(className))).build();
    }
}
