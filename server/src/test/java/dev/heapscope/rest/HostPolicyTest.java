package dev.heapscope.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPolicyTest {

    private final HostPolicy loopback = HostPolicy.of("127.0.0.1", List.of("heapscope.internal"), "http");

    @Test
    void allowsHost_theBoundAddressLocalhostAndConfiguredNames_withAnyPortOrCase() {
        assertThat(List.of("127.0.0.1:7070", "localhost", "LocalHost.:80", "[::1]:7070", "heapscope.internal:7070", ""))
                .allMatch(loopback::allowsHost);
        assertThat(loopback.allowsHost(null)).isTrue();
    }

    @Test
    void allowsHost_refusesEveryOtherName() {
        assertThat(List.of("evil.example", "evil.example:7070", "127.0.0.2", "heapscope.internal.evil.example",
                "localhost.evil.example")).noneMatch(loopback::allowsHost);
    }

    @Test
    void crossSiteReason_acceptsOwnOrigin_andNoBrowserHeaders() {
        assertThat(loopback.crossSiteReason(null, null, 7070)).isNull();
        assertThat(loopback.crossSiteReason("http://127.0.0.1:7070", "same-origin", 7070)).isNull();
        assertThat(loopback.crossSiteReason("http://localhost:7070", "none", 7070)).isNull();
    }

    @Test
    void crossSiteReason_refusesForeignOrigins_otherPortsSchemesAndSites() {
        assertThat(loopback.crossSiteReason("http://evil.example", null, 7070)).contains("evil.example");
        assertThat(loopback.crossSiteReason("http://127.0.0.1:3000", null, 7070)).isNotNull();
        assertThat(loopback.crossSiteReason("https://127.0.0.1:7070", null, 7070)).isNotNull();
        assertThat(loopback.crossSiteReason("null", null, 7070)).isNotNull();
        assertThat(loopback.crossSiteReason(null, "cross-site", 7070)).contains("Sec-Fetch-Site");
        assertThat(loopback.crossSiteReason(null, "same-site", 7070)).contains("same-site");
    }

    @Test
    void hostOf_stripsPortBracketsAndTrailingDot() {
        assertThat(HostPolicy.hostOf("[::1]:7070")).isEqualTo("::1");
        assertThat(HostPolicy.hostOf("Example.COM.:80")).isEqualTo("example.com");
        assertThat(HostPolicy.hostOf("::1")).isEqualTo("::1");
    }
}
