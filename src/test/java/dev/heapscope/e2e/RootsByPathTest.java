package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.shop.Session;
import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.ApiResponse;
import dev.heapscope.client.api.RootsApi;
import dev.heapscope.client.model.DeepSizeReport;
import dev.heapscope.client.model.RegisteredRoot;
import dev.heapscope.client.model.RootPath;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** Roots named at run time by class and field path (PUT and DELETE /roots/{name}), through the generated client. */
class RootsByPathTest {

    /** A service's singleton, as an attached heapscope finds it: by class name and field path. */
    static final class SessionCache {
        static final SessionCache INSTANCE = new SessionCache();
        final Map<String, Session> sessions = new ConcurrentHashMap<>();
    }

    static final String CACHE = SessionCache.INSTANCE.getClass().getName();

    Heapscope heapscope;
    RootsApi roots;

    @BeforeEach
    void start() {
        for (int i = 0; i < 50; i++) {
            SessionCache.INSTANCE.sessions.put("s" + i, new Session("user-" + i, i, 128));
        }
        heapscope = Heapscope.builder().port(0).start();
        roots = new RootsApi(Clients.of(heapscope));
    }

    @AfterEach
    void stop() {
        heapscope.close();
    }

    @Test
    void put_registersTheObjectAtThePath_201ThenReplaced200() throws Exception {
        ApiResponse<RegisteredRoot> created = roots.putRootWithHttpInfo("sessions",
                new RootPath().className(CACHE).fieldPath("INSTANCE.sessions"));
        ApiResponse<RegisteredRoot> replaced = roots.putRootWithHttpInfo("sessions",
                new RootPath().className(CACHE).fieldPath("INSTANCE.sessions"));

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getType()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
        assertThat(created.getData().getAlive()).isTrue();
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(roots.listRoots().getRoots()).extracting(RegisteredRoot::getName).containsExactly("sessions");
    }

    @Test
    void put_givesADeepSizeEqualToJol() throws Exception {
        roots.putRoot("sessions", new RootPath().className(CACHE).fieldPath("INSTANCE.sessions"));

        DeepSizeReport size = roots.getRootSize("sessions", 3, null, null, "all");

        assertThat(size.getDeepBytes()).isEqualTo(GraphLayout.parseInstance(SessionCache.INSTANCE.sessions).totalSize());
    }

    @Test
    void put_isNotFound_namingTheStep() {
        assertThatThrownBy(() -> roots.putRoot("x", new RootPath().className(CACHE).fieldPath("INSTANCE.sesions")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("urn:heapscope:problem:not-found")
                            .contains("step 2 'INSTANCE.sesions': " + CACHE + " has no field 'sesions'");
                });
        assertThatThrownBy(() -> roots.putRoot("x", new RootPath().className("com.example.Nowhere").fieldPath("A")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseBody())
                        .contains("class com.example.Nowhere is not loaded (by any class loader)"));
    }

    @Test
    void put_isBadRequest_forAMalformedPath() {
        assertThatThrownBy(() -> roots.putRoot("x", new RootPath().className(CACHE).fieldPath("INSTANCE/sessions")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }

    @Test
    void delete_forgetsARoot_204_andUnknownIs404() throws Exception {
        roots.putRoot("sessions", new RootPath().className(CACHE).fieldPath("INSTANCE.sessions"));

        ApiResponse<Void> deleted = roots.deleteRootWithHttpInfo("sessions");

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(roots.listRoots().getRoots()).isEmpty();
        assertThatThrownBy(() -> roots.deleteRoot("sessions"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("no root registered as 'sessions'");
                });
    }
}
