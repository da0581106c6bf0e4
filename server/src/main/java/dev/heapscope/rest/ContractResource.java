package dev.heapscope.rest;

import dev.heapscope.rest.api.ContractApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Serves the contract this server was generated from, as written (YAML) and as JSON. */
public final class ContractResource implements ContractApi {

    private final Contract contract;

    @Inject
    ContractResource(Contract contract) {
        this.contract = contract;
    }

    @Override
    public Response getContract() {
        return Response.ok(contract.yaml(), "application/yaml").build();
    }

    @Override
    public Response getContractJson() {
        return Response.ok(contract.json(), "application/json").build();
    }
}
