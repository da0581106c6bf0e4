package dev.heapscope.rest;

import dev.heapscope.metrics.HeapscopeMetrics;
import dev.heapscope.rest.api.MetricsApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** /metrics: maps to {@link HeapscopeMetrics}, for a Prometheus scrape. */
public final class MetricsResource implements MetricsApi {

    private final HeapscopeMetrics metrics;

    @Inject
    MetricsResource(HeapscopeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Response getMetrics() {
        return Response.ok(metrics.scrape(), HeapscopeMetrics.CONTENT_TYPE).build();
    }
}
