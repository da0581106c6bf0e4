package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.leaky.SecretLeak;
import dev.heapscope.Heapscope;
import dev.heapscope.tracing.TracingSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Snapshot views of leaked secrets show types, sites, fields and counts — never the secrets. */
class PrivacyTest {

    static final String SECRET = "hunter2-very-secret-token";

    static Heapscope heapscope;
    static Http http;

    @BeforeAll
    static void leakSecrets() {
        heapscope = Heapscope.builder().port(0).start();
        http = new Http(heapscope.uri());
        heapscope.tracing().start(new TracingSettings(16, 10_000));
        heapscope.snapshots().take("before");
        SecretLeak.leak(SECRET, 20_000);
        heapscope.snapshots().take("after");
    }

    @AfterAll
    static void stop() {
        heapscope.close();
        SecretLeak.release();
    }

    @Test
    void snapshotViews_neverCarryTheLeakedValues() {
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/snapshots/after/leaks?limit=50", "/snapshots/after/compare/before/leaks?limit=50",
                "/snapshots/after/statistics?groupBy=traceback&view=live&limit=50",
                "/snapshots/after/compare/before?groupBy=type&view=live&limit=50",
                "/snapshots/after/compare/before?groupBy=line&view=allocated&limit=50", "/snapshots/after",
                "/heap/histogram?limit=100")) {
            bodies.add(http.get(path).body());
            bodies.add(http.get(path, "text/plain").body());
            bodies.add(http.get(path, "text/vnd.graphviz").body());
        }

        assertThat(String.join("\n", bodies)).contains("com/example/leaky/SecretLeak.java")
                .doesNotContain(SECRET).doesNotContain("hunter2");
    }
}
