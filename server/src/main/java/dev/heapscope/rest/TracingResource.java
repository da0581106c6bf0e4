package dev.heapscope.rest;

import dev.heapscope.OwnMemory;
import dev.heapscope.rest.api.TracingApi;
import dev.heapscope.rest.model.TracingSettings;
import dev.heapscope.tracing.TracingService;
import dev.heapscope.tracing.TracingStatus;
import jakarta.inject.Inject;
import dev.heapscope.tracing.RecordingCopy;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** /tracing: maps to {@link TracingService}, with heapscope's own memory beside the traced memory. */
public final class TracingResource implements TracingApi {

    private final TracingService tracing;
    private final OwnMemory ownMemory;

    @Inject
    TracingResource(TracingService tracing, OwnMemory ownMemory) {
        this.tracing = tracing;
        this.ownMemory = ownMemory;
    }

    @Override
    public Response getTracing() {
        return ok(tracing.status());
    }

    @Override
    public Response startTracing(TracingSettings settings) {
        return ok(tracing.start(Models.settings(settings)));
    }

    @Override
    public Response stopTracing() {
        return ok(tracing.stop());
    }

    @Override
    public Response resetPeak() {
        return ok(tracing.resetPeak());
    }

    private Response ok(TracingStatus status) {
        long own = ownMemory.bytes();
        return Response.ok(Models.of(status).heapscopeBytes(own < 0 ? null : own)
                .recordingBytes(tracing.recordingBytes())).build();
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
