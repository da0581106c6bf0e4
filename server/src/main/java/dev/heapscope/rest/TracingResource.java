package dev.heapscope.rest;

import dev.heapscope.rest.api.TracingApi;
import dev.heapscope.rest.model.TracingSettings;
import dev.heapscope.tracing.TracingService;
import jakarta.inject.Inject;
import dev.heapscope.tracing.RecordingCopy;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** /tracing: maps to {@link TracingService}. */
public final class TracingResource implements TracingApi {

    private final TracingService tracing;

    @Inject
    TracingResource(TracingService tracing) {
        this.tracing = tracing;
    }

    @Override
    public Response getTracing() {
        return Response.ok(Models.of(tracing.status())).build();
    }

    @Override
    public Response startTracing(TracingSettings settings) {
        return Response.ok(Models.of(tracing.start(Models.settings(settings)))).build();
    }

    @Override
    public Response stopTracing() {
        return Response.ok(Models.of(tracing.stop())).build();
    }

    @Override
    public Response resetPeak() {
        return Response.ok(Models.of(tracing.resetPeak())).build();
    }

    @Override
    public Response getRecording() {
        RecordingCopy copy = tracing.copyRecording();
        StreamingOutput body = out -> {
            try (copy) {
                copy.writeTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Length", copy.bytes())
                .header("Content-Disposition", "attachment; filename=\"heapscope-tracing.jfr\"").build();
    }
}
