package dev.heapscope.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The worst-case workload of the tracing-overhead measurements: one "request" builds a 16-entry map and list
 * of fresh strings and boxed integers and a 0.5-1.5 KiB buffer, all short-lived (~2 GB/s on one thread).
 */
final class RequestWork {

    private RequestWork() {
    }

    /** One request, numbered {@code n}, optionally under {@code depth} extra frames as a framework would add. */
    static void run(int n, int depth, Blackhole bh) {
        if (depth > 0) {
            run(n, depth - 1, bh);
            return;
        }
        Map<String, Object> attributes = new HashMap<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String key = "item-" + (n + i);
            items.add(key);
            attributes.put(key, Integer.valueOf(n ^ i));
        }
        byte[] body = new byte[512 + (n & 1023)];
        body[n & 511] = (byte) n;
        bh.consume(attributes);
        bh.consume(items);
        bh.consume(body);
    }
}
