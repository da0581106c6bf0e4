package dev.heapscope.rest;

import dev.heapscope.rest.api.ContractApi;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves openapi.yaml, the contract this server was generated from. */
@jakarta.inject.Singleton
public final class ContractResource implements ContractApi {

    private final byte[] contract;

    public ContractResource() {
        try (InputStream in = ContractResource.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the heapscope jar");
            }
            contract = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response getContract() {
        return Response.ok(contract, "application/yaml").build();
    }
}
