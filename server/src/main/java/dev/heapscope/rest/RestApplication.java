package dev.heapscope.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.heapscope.OwnMemory;
import dev.heapscope.Services;
import dev.heapscope.heap.HeapService;
import dev.heapscope.heap.RootsService;
import dev.heapscope.metrics.HeapscopeMetrics;
import dev.heapscope.snapshot.SnapshotService;
import dev.heapscope.timeline.MemoryTimeline;
import dev.heapscope.watch.LeakWatch;
import dev.heapscope.tracing.TracingService;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application: the resources, JSON, problem mapping and, if configured, the token checks. */
final class RestApplication {

    private RestApplication() {
    }

    static ResourceConfig of(Services services, HttpSettings settings) {
        ResourceConfig config = new ResourceConfig();
        Contract contract = Contract.load();
        JsonMapper json = new JsonMapper();
        ReportAnswers answers = new ReportAnswers(json.getContext(Object.class));
        services.ownMemory().include(answers::held);
        // resources are registered as classes, built per request with the core services injected:
        // Jersey finds their @Path on the generated interfaces, which it does not for registered instances
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(services.tracing()).to(TracingService.class);
                bind(services.snapshots()).to(SnapshotService.class);
                bind(services.heap()).to(HeapService.class);
                bind(services.roots()).to(RootsService.class);
                bind(services.timeline()).to(MemoryTimeline.class);
                bind(services.watch()).to(LeakWatch.class);
                bind(services.metrics()).to(HeapscopeMetrics.class);
                bind(services.ownMemory()).to(OwnMemory.class);
                bind(contract).to(Contract.class);
                bind(answers).to(ReportAnswers.class);
            }
        });
        config.register(TracingResource.class);
        config.register(SnapshotsResource.class);
        config.register(HeapResource.class);
        config.register(RootsResource.class);
        config.register(ContractResource.class);
        config.register(MemoryResource.class);
        config.register(WatchResource.class);
        config.register(MetricsResource.class);
        // Jersey's own Jackson exception mappers answer text/plain; ours answer problem+json
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(json);
        config.register(new ReportAnswers.JsonWriter());
        config.register(new ProblemMapper());
        config.register(new TextReportWriter());
        config.register(new GraphvizWriter());
        config.register(new ImportLimit());
        if (settings.accessToken() != null) {
            config.register(new BearerTokenFilter(new AccessTokens(settings.accessToken(), settings.readOnlyToken())));
            config.register(new AccessLevelFilter(contract));
        }
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        return config;
    }

    /** heapscope's JSON rules: ISO-8601 times, absent rather than null, strict about unknown input. */
    @jakarta.ws.rs.ext.Provider
    static final class JsonMapper implements ContextResolver<ObjectMapper> {
        private final ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .addMixIn(dev.heapscope.rest.model.LiveSetTrend.class, NullProjectionStays.class);

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }

    /** The contract promises {@code projectedOutOfMemoryAt: null} when there is no projection, not an absent field. */
    private abstract static class NullProjectionStays {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract java.time.OffsetDateTime getProjectedOutOfMemoryAt();
    }
}
