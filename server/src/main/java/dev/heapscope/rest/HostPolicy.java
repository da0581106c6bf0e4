package dev.heapscope.rest;

import dev.heapscope.Names;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@code Host} and {@code Origin} a request may carry, so that a web page in the operator's
 * browser cannot drive heapscope (Jolokia's and Spring Boot Actuator's lesson).
 *
 * <ul>
 *   <li>DNS rebinding: a page from {@code evil.example} whose name is made to resolve to 127.0.0.1 sends
 *       {@code Host: evil.example}. Only the bound address, {@code localhost}, the loopback addresses and
 *       names the operator configured are accepted (with a wildcard bind: every local interface address
 *       and the machine's own names too).</li>
 *   <li>Cross-site requests: a page can make the browser send a bodiless POST (no CORS preflight) or a GET
 *       through an image. A request whose {@code Origin} is not heapscope's own, or whose
 *       {@code Sec-Fetch-Site} says another site, is refused whatever its method.</li>
 * </ul>
 * Names compare case-insensitively, without port or trailing dot. Immutable.
 */
final class HostPolicy {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private final Set<String> allowed;
    private final String scheme;

    private HostPolicy(Set<String> allowed, String scheme) {
        this.allowed = allowed;
        this.scheme = scheme;
    }

    /**
     * @param boundHost    the address heapscope binds, as configured (a name or a literal)
     * @param allowedHosts further names the operator allows (e.g. the host name behind a tunnel)
     * @param scheme       http or https
     */
    static HostPolicy of(String boundHost, Collection<String> allowedHosts, String scheme) {
        Set<String> names = new TreeSet<>(LOOPBACK);
        names.add(normalized(boundHost));
        allowedHosts.forEach(name -> names.add(normalized(name)));
        try {
            InetAddress bound = InetAddress.getByName(boundHost);
            names.add(normalized(bound.getHostAddress()));
            if (bound.isAnyLocalAddress()) {
                addLocalNames(names);
            }
        } catch (UnknownHostException e) {
            // binding would have failed first; the configured spelling is kept
        }
        return new HostPolicy(Collections.unmodifiableSet(names), scheme);
    }

    /** Whether a {@code Host} header (name or literal, with or without port) names this heapscope. */
    boolean allowsHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return true; // HTTP/1.0 without Host: no browser sends that, and no rebinding needs it
        }
        return allowed.contains(hostOf(hostHeader.trim()));
    }

    /**
     * Null when a request's browser headers allow it, else why not.
     *
     * @param origin    the {@code Origin} header or null
     * @param fetchSite the {@code Sec-Fetch-Site} header or null
     * @param port      the port the request arrived on
     */
    String crossSiteReason(String origin, String fetchSite, int port) {
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (site.equals("cross-site") || site.equals("same-site")) {
                return "a browser sent this request from another site (Sec-Fetch-Site: " + site
                        + "); heapscope serves no web pages and accepts no cross-site requests";
            }
        }
        if (origin != null && !isOwnOrigin(origin.trim(), port)) {
            return "requests from the web origin '" + Names.shown(origin) + "' are refused; heapscope accepts no"
                    + " cross-site requests";
        }
        return null;
    }

    private boolean isOwnOrigin(String origin, int port) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null" and other opaque origins
            }
            int originPort = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            return uri.getScheme().equalsIgnoreCase(scheme) && originPort == port
                    && allowed.contains(normalized(uri.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The host part of a Host header: {@code [::1]:7070} gives {@code ::1}, {@code a.b:80} gives {@code a.b}. */
    static String hostOf(String hostHeader) {
        String host = hostHeader;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(1, end);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return normalized(host);
    }

    private static String normalized(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static void addLocalNames(Set<String> names) {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String literal = address.getHostAddress();
                    int zone = literal.indexOf('%');
                    names.add(normalized(zone < 0 ? literal : literal.substring(0, zone)));
                }
            }
            InetAddress local = InetAddress.getLocalHost();
            names.add(normalized(local.getHostName()));
            names.add(normalized(local.getCanonicalHostName()));
        } catch (SocketException | UnknownHostException e) {
            // the loopback names and the configured ones still work
        }
    }

}
