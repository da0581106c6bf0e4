package dev.heapscope.rest;

import dev.heapscope.rest.api.MemoryApi;
import dev.heapscope.timeline.MemoryTimeline;
import dev.heapscope.timeline.MprofLines;
import dev.heapscope.timeline.TimelineQuery;
import dev.heapscope.timeline.TimelineSvg;
import dev.heapscope.timeline.TimelineView;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.time.Instant;
import java.util.List;

/** /memory/timeline: maps to {@link MemoryTimeline}; the Accept header picks JSON, the SVG plot or mprof's lines. */
public final class MemoryResource implements MemoryApi {

    static final MediaType SVG = MediaType.valueOf("image/svg+xml");
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, SVG,
            MediaType.TEXT_PLAIN_TYPE).build();

    private final MemoryTimeline timeline;

    @Context
    private Request request;

    @Inject
    MemoryResource(MemoryTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public Response getTimeline(String since, String until, Integer maxPoints) {
        TimelineView view = timeline.view(TimelineQuery.of(since, until, maxPoints, Instant.now()));
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            throw new NotAcceptableException();
        }
        MediaType type = variant.getMediaType();
        if (type.equals(SVG)) {
            return Response.ok(TimelineSvg.of(view), SVG).build();
        }
        if (type.equals(MediaType.TEXT_PLAIN_TYPE)) {
            return Response.ok(MprofLines.of(view, ProcessHandle.current().pid()),
                    MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(TimelineModels.of(view), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
