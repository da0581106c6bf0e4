package dev.heapscope.rest;

import dev.heapscope.HeapscopeException;
import dev.heapscope.rest.api.SnapshotsApi;
import dev.heapscope.rest.model.SnapshotList;
import dev.heapscope.rest.model.SnapshotRequest;
import dev.heapscope.snapshot.Snapshot;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.snapshot.StatisticsQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** /snapshots: maps to {@link SnapshotService}. */
public final class SnapshotsResource implements SnapshotsApi {

    private final SnapshotService snapshots;
    private final ReportAnswers answers;

    @Inject
    SnapshotsResource(SnapshotService snapshots, ReportAnswers answers) {
        this.snapshots = snapshots;
        this.answers = answers;
    }

    @Override
    public Response takeSnapshot(SnapshotRequest request) {
        if (request == null) {
            throw new HeapscopeException.BadRequest("send a JSON body with the snapshot's name: {\"name\": \"before\"}");
        }
        Snapshot taken = snapshots.take(request.getName(), !Boolean.FALSE.equals(request.getReferenceChains()));
        return Response.created(URI.create("snapshots/" + taken.name())).entity(Models.of(taken.summary())).build();
    }

    @Override
    public Response listSnapshots() {
        SnapshotList list = new SnapshotList(snapshots.capacity(),
                snapshots.list().stream().map(s -> Models.of(s.summary())).toList());
        return Response.ok(list).build();
    }

    @Override
    public Response getSnapshot(String name) {
        return Response.ok(Models.of(snapshots.get(name).summary())).build();
    }

    @Override
    public Response deleteSnapshot(String name) {
        snapshots.delete(name);
        return Response.noContent().build();
    }

    @Override
    public Response getStatistics(String name, String groupBy, String view, Boolean cumulative, Integer limit,
                                  Integer stackDepth) {
        StatisticsQuery query = StatisticsQuery.of(groupBy, view, cumulative, limit, stackDepth);
        return Response.ok(answers.of(snapshots.statistics(name, query), Models::of)).build();
    }

    @Override
    public Response compareSnapshots(String name, String baseline, String groupBy, String view, Boolean cumulative,
                                     Integer limit, Integer stackDepth) {
        StatisticsQuery query = StatisticsQuery.of(groupBy, view, cumulative, limit, stackDepth);
        return Response.ok(answers.of(snapshots.compare(name, baseline, query), Models::of)).build();
    }

    @Override
    public Response getLeaks(String name, Integer limit) {
        return Response.ok(answers.of(snapshots.leaks(name, limit), Models::of)).build();
    }

    @Override
    public Response compareLeaks(String name, String baseline, Integer limit) {
        return Response.ok(answers.of(snapshots.compareLeaks(name, baseline, limit), Models::of)).build();
    }

    @Override
    public Response exportSnapshot(String name) {
        return Response.ok(snapshots.export(name), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").build();
    }

    @Override
    public Response importSnapshot(Object body, String name) {
        if (body == null) {
            throw new HeapscopeException.BadRequest("send an exported snapshot document as the JSON body");
        }
        Snapshot imported = snapshots.importDocument(body, name);
        return Response.created(URI.create("snapshots/" + imported.name())).entity(Models.of(imported.summary())).build();
    }
}
