package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiClient;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.api.TracingApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a keystore made by keytool, as the README shows, and clients that trust (or do not trust) it. */
class TlsTest {

    static final String PASSWORD = "changeit-0123";

    @TempDir
    static Path dir;
    static Path keystore;

    @BeforeAll
    static void keystore() throws IOException, InterruptedException {
        keystore = dir.resolve("heapscope.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "heapscope",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    static SSLContext trusting(Path store) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void generatedClient_talksHttps_whenItTrustsTheCertificate() throws Exception {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).tls(keystore, PASSWORD).start()) {
            ApiClient client = new ApiClient();
            client.setHttpClientBuilder(HttpClient.newBuilder().sslContext(trusting(keystore)));
            client.updateBaseUri(heapscope.uri().toString());

            assertThat(heapscope.uri().getScheme()).isEqualTo("https");
            assertThat(new TracingApi(client).getTracing().getTracing()).isFalse();
        }
    }

    @Test
    void client_thatDoesNotTrustTheCertificate_cannotConnect() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).tls(keystore, PASSWORD).start()) {
            ApiClient client = Clients.of(heapscope);

            assertThatThrownBy(() -> new TracingApi(client).getTracing()).isInstanceOf(ApiException.class)
                    .hasMessageContaining("SSLHandshakeException");
        }
    }

    @Test
    void plainHttp_toTheHttpsPort_getsAProblem_notAReset() {
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).tls(keystore, PASSWORD).start()) {
            RawHttp.Answer answer = RawHttp.send(heapscope.port(), RawHttp.request("GET", "/api/v1/tracing", null));

            HostileRequestsTest.assertProblem(answer, 400, "bad-request");
            assertThat(answer.body()).contains("HTTPS only");
        }
    }

    @Test
    void gateAndTokens_applyOverHttps_too() throws Exception {
        String token = "tls-token-0123456789abcdef";
        try (Heapscope heapscope = Heapscope.builder().port(0).jmx(false).tls(keystore, PASSWORD).accessToken(token)
                .start()) {
            HttpClient http = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            URI tracing = URI.create(heapscope.uri() + "/tracing");
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(tracing).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(heapscope.uri() + "/tracing/start"))
                    .header("Authorization", "Bearer " + token).header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(tracing)
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

            ErrorsTest.assertProblem(anonymous, 401, "unauthorized", "Bearer");
            ErrorsTest.assertProblem(crossSite, 403, "forbidden", "evil.example");
            assertThat(allowed.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tls_refusesAKeystoreThatIsNotThere() {
        assertThatThrownBy(() -> Heapscope.builder().tls(dir.resolve("missing.p12"), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.p12");
    }

    @Test
    void tls_failsToStartClearly_withAWrongPassword() {
        assertThatThrownBy(() -> Heapscope.builder().port(0).jmx(false).tls(keystore, "wrong-password").start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not listen")
                .hasMessageNotContaining("wrong-password");
        assertThat(LifecycleTest.heapscopeThreads()).isEmpty();
    }
}
