package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiClient;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.TracingApi;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a browser page, a rebinding attack or a read-only operator may and may not do. */
class SecurityTest {

    static final String TOKEN = "full-token-0123456789abcdef";
    static final String READ_ONLY = "read-only-token-0123456789";

    private static String hostHeader(Heapscope heapscope, String name) {
        return "Host: " + name + ":" + heapscope.port();
    }

    @Test
    void foreignHost_isMisdirected_asAProblem() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            RawHttp.Answer answer = RawHttp.send(heapscope.port(), RawHttp.request("GET", "/api/v1/tracing", null,
                    hostHeader(heapscope, "evil.example")));

            HostileRequestsTest.assertProblem(answer, 421, "misdirected-request");
            assertThat(answer.body()).contains("evil.example").contains("allowedHosts");
        }
    }

    @Test
    void localhostAndConfiguredNames_areServed() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).allowedHosts("heapscope.internal").start()) {
            for (String name : List.of("localhost", "127.0.0.1", "LOCALHOST.", "heapscope.internal")) {
                RawHttp.Answer answer = RawHttp.send(heapscope.port(), RawHttp.request("GET", "/api/v1/tracing", null,
                        hostHeader(heapscope, name)));
                assertThat(answer.status()).as(name + ": " + answer).isEqualTo(200);
            }
        }
    }

    @Test
    void bodilessCrossSitePost_isForbidden_andDoesNotStartTracing() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            RawHttp.Answer answer = RawHttp.send(heapscope.port(), RawHttp.request("POST", "/api/v1/tracing/start",
                    null, "Origin: http://evil.example"));

            HostileRequestsTest.assertProblem(answer, 403, "forbidden");
            assertThat(heapscope.tracing().status().tracing()).isFalse();
        }
    }

    @Test
    void crossSiteGet_isForbidden_byFetchMetadata() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            RawHttp.Answer answer = RawHttp.send(heapscope.port(), RawHttp.request("GET", "/api/v1/heap/histogram",
                    null, "Sec-Fetch-Site: cross-site"));

            HostileRequestsTest.assertProblem(answer, 403, "forbidden");
        }
    }

    @Test
    void sameOriginPost_isServed() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            RawHttp.Answer answer = RawHttp.send(heapscope.port(), RawHttp.request("POST", "/api/v1/tracing/reset-peak",
                    null, "Origin: http://127.0.0.1:" + heapscope.port(), "Sec-Fetch-Site: same-origin"));

            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
    }

    @Test
    void noCorsHeaders_areEverSent_evenToAPreflight() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).start()) {
            List<RawHttp.Answer> answers = new ArrayList<>();
            answers.add(RawHttp.send(heapscope.port(), RawHttp.request("OPTIONS", "/api/v1/tracing/start", null,
                    "Origin: http://evil.example", "Access-Control-Request-Method: POST")));
            answers.add(RawHttp.send(heapscope.port(), RawHttp.request("OPTIONS", "/api/v1/tracing/start", null)));
            answers.add(RawHttp.send(heapscope.port(), RawHttp.request("GET", "/api/v1/tracing", null)));

            assertThat(answers).allSatisfy(a -> {
                assertThat(a.answered()).isTrue();
                assertThat(a.headers().keySet()).noneMatch(h -> h.startsWith("access-control-"));
            });
        }
    }

    @Test
    void readOnlyToken_readsStatusAndSnapshots() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).accessToken(TOKEN).readOnlyToken(READ_ONLY)
                .start()) {
            heapscope.snapshots().take("one");
            Http reader = new Http(heapscope.uri(), READ_ONLY);

            for (String path : List.of("/tracing", "/snapshots", "/snapshots/one", "/snapshots/one/statistics?groupBy=type",
                    "/snapshots/one/compare/one?groupBy=type", "/snapshots/one/leaks", "/roots", "/openapi.yaml",
                    "/layout?class=java.lang.String")) {
                assertThat(reader.get(path).statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void readOnlyToken_isForbidden_whatCostsTheHostAGcOrAWalk_orChangesState() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).accessToken(TOKEN).readOnlyToken(READ_ONLY)
                .start()) {
            heapscope.snapshots().take("one");
            heapscope.register("root", new ArrayList<>());
            Http reader = new Http(heapscope.uri(), READ_ONLY);

            List<HttpResponse<String>> refused = List.of(reader.post("/tracing/start", "{}"),
                    reader.post("/tracing/stop", null), reader.post("/tracing/reset-peak", null),
                    reader.post("/snapshots", "{\"name\":\"two\"}"), reader.delete("/snapshots/one"),
                    reader.get("/heap/histogram"), reader.get("/roots/root/size"),
                    reader.get("/roots/root/backrefs?type=java.lang.String"), reader.get("/roots/root/refs"));

            assertThat(refused).allSatisfy(r -> ErrorsTest.assertProblem(r, 403, "forbidden", "full access token"));
            assertThat(heapscope.tracing().status().tracing()).isFalse();
            assertThat(heapscope.snapshots().list()).extracting(s -> s.name()).containsExactly("one");
        }
    }

    @Test
    void fullToken_mayDoEverything_throughTheGeneratedClient() throws ApiException {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).accessToken(TOKEN).readOnlyToken(READ_ONLY)
                .start()) {
            ApiClient client = Clients.of(heapscope);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));

            assertThat(new TracingApi(client).startTracing(null).getTracing()).isTrue();
            assertThat(new TracingApi(client).stopTracing().getTracing()).isFalse();
        }
    }

    @Test
    void noToken_orAWrongOne_isUnauthorized_evenWithAReadOnlyTokenConfigured() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).accessToken(TOKEN).readOnlyToken(READ_ONLY)
                .start()) {
            ErrorsTest.assertProblem(new Http(heapscope.uri()).get("/tracing"), 401, "unauthorized", "Bearer");
            ErrorsTest.assertProblem(new Http(heapscope.uri(), READ_ONLY + "x").get("/tracing"), 401, "unauthorized",
                    "not valid");
        }
    }

    @Test
    void tokens_areReadFromAFile_trimmed(@TempDir Path dir) throws IOException {
        Path full = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        Path readOnly = Files.writeString(dir.resolve("read-only"), "  " + READ_ONLY + "\r\n");
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).accessTokenFromFile(full)
                .readOnlyTokenFromFile(readOnly).start()) {
            assertThat(new Http(heapscope.uri(), TOKEN).post("/tracing/reset-peak", null).statusCode()).isEqualTo(200);
            assertThat(new Http(heapscope.uri(), READ_ONLY).get("/tracing").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void builder_neverEchoesATokenInItsErrors(@TempDir Path dir) throws IOException {
        String secret = "tooShortSecret";
        Path file = Files.writeString(dir.resolve("token"), secret);

        assertThatThrownBy(() -> Heapscope.builder().accessToken(secret)).hasMessageNotContaining(secret);
        assertThatThrownBy(() -> Heapscope.builder().accessTokenFromFile(file)).hasMessageNotContaining(secret);
        assertThatThrownBy(() -> Heapscope.builder().accessToken("with a space 0123456789"))
                .hasMessageNotContaining("with a space");
        assertThatThrownBy(() -> Heapscope.builder().port(0).accessToken(TOKEN).readOnlyToken(TOKEN).start())
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(TOKEN).hasMessageContaining("differ");
        assertThatThrownBy(() -> Heapscope.builder().accessTokenFromEnv("HEAPSCOPE_NO_SUCH_VARIABLE"))
                .hasMessageContaining("HEAPSCOPE_NO_SUCH_VARIABLE").hasMessageContaining("not set");
        assertThatThrownBy(() -> Heapscope.builder().accessTokenFromFile(dir.resolve("missing")))
                .hasMessageContaining("cannot read the access token");
    }

    @Test
    void readOnlyToken_withoutAnAccessToken_isRefusedAtStart() {
        assertThatThrownBy(() -> Heapscope.builder().port(0).readOnlyToken(READ_ONLY).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs an access token");
        assertThat(LifecycleTest.heapscopeThreads()).isEmpty();
    }
}
