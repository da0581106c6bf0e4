package dev.heapscope.e2e;

import dev.heapscope.Heapscope;
import dev.heapscope.client.ApiClient;

/** The generated client, pointed at a running heapscope. */
final class Clients {

    private Clients() {
    }

    static ApiClient of(Heapscope heapscope) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(heapscope.uri().toString());
        return client;
    }
}
