package dev.heapscope.rest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the REST API listens and whom it answers. Built and validated by {@code Heapscope.Builder}.
 * {@link #toString()} never shows a token or a password.
 *
 * @param host             the address to bind
 * @param port             the port, 0 for any free one
 * @param accessToken      the token that may do everything, or null for none (loopback only)
 * @param readOnlyToken    a token that may only read, or null
 * @param allowedHosts     {@code Host} names accepted besides the bound address and localhost
 * @param keystore         a PKCS12 or JKS keystore to serve HTTPS from, or null for plain HTTP
 * @param keystorePassword its password, or null without TLS
 */
public record HttpSettings(String host, int port, String accessToken, String readOnlyToken,
                           List<String> allowedHosts, Path keystore, String keystorePassword) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Whether the API is served over TLS. */
    public boolean tls() {
        return keystore != null;
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", accessToken=" + (accessToken == null ? "none" : "***")
                + ", readOnlyToken=" + (readOnlyToken == null ? "none" : "***") + ", allowedHosts=" + allowedHosts
                + ", tls=" + (keystore == null ? "off" : keystore) + "]";
    }
}
