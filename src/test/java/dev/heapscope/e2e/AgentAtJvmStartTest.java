package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.client.api.RootsApi;
import dev.heapscope.client.api.TracingApi;
import dev.heapscope.client.model.RegisteredRoot;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** {@code -javaagent:heapscope-agent.jar=port=0,tracing=on,roots=...} in the conflicting host. */
class AgentAtJvmStartTest extends AgentInHostContract {

    @BeforeAll
    void startHostWithAgent() {
        host = TestHost.start("-javaagent:" + TestHost.agentJar() + "=port=0,tracing=on,maxSnapshots=8,"
                + "roots=sessions:" + SESSION_CACHE + "#INSTANCE.sessions");
        url = host.awaitHeapscope(1, TestHost.START_TIMEOUT);
    }

    @Test
    @Order(1)
    void tracingOption_startsTracingAtOnce() throws Exception {
        assertThat(new TracingApi(client()).getTracing().getTracing()).isTrue();
    }

    @Test
    @Order(2)
    void rootsOption_registersTheRoot_onceItsClassIsLoaded() {
        RootsApi roots = new RootsApi(client());

        Deadline.within(Duration.ofSeconds(30)).until("the roots= option's root to be registered", () -> {
            try {
                return roots.listRoots().getRoots().stream().map(RegisteredRoot::getName).anyMatch("sessions"::equals);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
