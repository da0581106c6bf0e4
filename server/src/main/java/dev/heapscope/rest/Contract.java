package dev.heapscope.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * openapi.yaml as this server was built from it: served as written, and as JSON (the same document,
 * converted once), and read for the access level each operation requires.
 *
 * <p>An operation marked {@code x-heapscope-access: full} (starting or stopping tracing, taking or
 * deleting a snapshot, a histogram, a walk: what costs the host a GC or a walk, or changes state) needs
 * the full access token; any other GET may be called with the read-only token too. An operation the
 * contract does not mark is full unless it is a GET.
 */
final class Contract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final byte[] yaml;
    private final byte[] json;
    private final Map<String, Boolean> fullAccessByOperation;

    private Contract(byte[] yaml, byte[] json, Map<String, Boolean> fullAccessByOperation) {
        this.yaml = yaml;
        this.json = json;
        this.fullAccessByOperation = fullAccessByOperation;
    }

    /** The contract packaged beside this class. @throws IllegalStateException when it is missing */
    static Contract load() {
        try (InputStream in = Contract.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the heapscope jar");
            }
            byte[] yaml = in.readAllBytes();
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return new Contract(yaml, new ObjectMapper().writeValueAsBytes(document), accessLevels(document));
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml cannot be read", e);
        }
    }

    byte[] yaml() {
        return yaml.clone();
    }

    byte[] json() {
        return json.clone();
    }

    /** Whether the operation (the resource method named after its operationId) needs the full token. */
    boolean needsFullAccess(String operationId, String httpMethod) {
        Boolean full = fullAccessByOperation.get(operationId);
        return full != null ? full : !httpMethod.equalsIgnoreCase("GET") && !httpMethod.equalsIgnoreCase("HEAD");
    }

    private static Map<String, Boolean> accessLevels(JsonNode document) {
        Map<String, Boolean> levels = new HashMap<>();
        for (JsonNode path : document.path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = path.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = it.next();
                String method = operation.getKey().toLowerCase(Locale.ROOT);
                String id = operation.getValue().path("operationId").asText(null);
                if (METHODS.contains(method) && id != null) {
                    String access = operation.getValue().path("x-heapscope-access").asText("");
                    levels.put(id, access.equals("full") || access.isEmpty() && !method.equals("get"));
                }
            }
        }
        return Map.copyOf(levels);
    }
}
