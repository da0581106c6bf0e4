package dev.heapscope.agent.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent's options, {@code key=value} pairs separated by commas:
 * {@code port=7070,host=127.0.0.1,tokenFile=/run/secrets/heapscope,maxSnapshots=32,tracing=on,
 * roots=sessions:com.example.SessionCache#INSTANCE.sessions;users:com.example.Users#CACHE}.
 * A token or password is never an option (a command line is visible to every user through {@code ps}): only
 * the path of a file holding it.
 *
 * @param port              0..65535, 0 = any free port; default 7070
 * @param host              the address to bind; default 127.0.0.1 (any other needs a token file)
 * @param tokenFile         a file whose first line (trimmed) is the access token, or null
 * @param readOnlyTokenFile a file whose first line is the read-only token, or null (needs tokenFile)
 * @param allowedHosts      further Host names to answer, separated by ';' (e.g. a tunnel's name)
 * @param tlsKeystore       a PKCS12 (or .jks) keystore to serve HTTPS from, or null
 * @param tlsPasswordFile   a file whose first line is the keystore's password (needs tlsKeystore)
 * @param maxSnapshots      snapshots kept, or null for heapscope's default
 * @param tracing           start tracing at once with the default settings
 * @param roots             roots to register by field path
 */
record AgentOptions(int port, String host, String tokenFile, String readOnlyTokenFile, List<String> allowedHosts,
                    String tlsKeystore, String tlsPasswordFile, Integer maxSnapshots, boolean tracing,
                    List<RootOption> roots) {

    static final int DEFAULT_PORT = 7070;
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final String KNOWN = "port, host, tokenFile, readOnlyTokenFile, allowedHosts, tlsKeystore,"
            + " tlsPasswordFile, maxSnapshots, tracing, roots";
    private static final Pattern ROOT = Pattern.compile("([^:#]+):([^:#]+)#([^:#]+)");

    AgentOptions {
        roots = List.copyOf(roots);
        allowedHosts = List.copyOf(allowedHosts);
        if ((tlsKeystore == null) != (tlsPasswordFile == null)) {
            throw new IllegalArgumentException("options tlsKeystore and tlsPasswordFile go together");
        }
    }

    /**
     * A root the agent registers by field path once its class is loaded.
     *
     * @param name      the root's name
     * @param className its class, a binary name
     * @param fieldPath a static field, then instance fields
     */
    record RootOption(String name, String className, String fieldPath) {
    }

    /** @throws IllegalArgumentException naming the bad option and what is expected */
    static AgentOptions parse(String options) {
        int port = DEFAULT_PORT;
        String host = DEFAULT_HOST;
        String tokenFile = null;
        String readOnlyTokenFile = null;
        List<String> allowedHosts = new ArrayList<>();
        String tlsKeystore = null;
        String tlsPasswordFile = null;
        Integer maxSnapshots = null;
        boolean tracing = false;
        List<RootOption> roots = new ArrayList<>();
        for (String option : options == null ? new String[0] : options.split(",")) {
            if (option.isBlank()) {
                continue;
            }
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad option '" + option.strip() + "': expected key=value (" + KNOWN + ")");
            }
            String key = option.substring(0, eq).strip();
            String value = option.substring(eq + 1).strip();
            switch (key) {
                case "port" -> port = number(key, value, 0, 65_535);
                case "host" -> host = required(key, value);
                case "tokenFile" -> tokenFile = required(key, value);
                case "readOnlyTokenFile" -> readOnlyTokenFile = required(key, value);
                case "allowedHosts" -> allowedHosts.addAll(List.of(required(key, value).split(";")));
                case "tlsKeystore" -> tlsKeystore = required(key, value);
                case "tlsPasswordFile" -> tlsPasswordFile = required(key, value);
                case "maxSnapshots" -> maxSnapshots = number(key, value, 1, 1024);
                case "tracing" -> tracing = onOff(key, value);
                case "roots" -> roots.addAll(roots(value));
                default -> throw new IllegalArgumentException("unknown option '" + key + "' (known: " + KNOWN + ")");
            }
        }
        return new AgentOptions(port, host, tokenFile, readOnlyTokenFile, allowedHosts, tlsKeystore, tlsPasswordFile,
                maxSnapshots, tracing, roots);
    }

    private static int number(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("bad option " + key + "=" + value + ": expected a number " + min + ".." + max);
    }

    private static String required(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("bad option " + key + "=: a value is required");
        }
        return value;
    }

    private static boolean onOff(String key, String value) {
        return switch (value) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("bad option " + key + "=" + value + ": expected on or off");
        };
    }

    private static List<RootOption> roots(String value) {
        List<RootOption> roots = new ArrayList<>();
        for (String root : value.split(";")) {
            if (root.isBlank()) {
                continue;
            }
            var m = ROOT.matcher(root.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("bad option roots=" + value + ": expected name:com.example.Class#FIELD.path"
                        + " entries separated by ';'");
            }
            roots.add(new RootOption(m.group(1).strip(), m.group(2).strip(), m.group(3).strip()));
        }
        return roots;
    }
}
