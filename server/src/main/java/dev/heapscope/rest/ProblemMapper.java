package dev.heapscope.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.heapscope.HeapscopeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ParamException;

/**
 * Every exception that leaves a resource becomes a problem+json response: heapscope's own kinds with
 * their status, JSON and parameter errors as 400, JAX-RS statuses as themselves, anything else as a
 * 500 without a stack trace (logged once on the server).
 */
final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof HeapscopeException h) {
            return Problems.of(h);
        }
        if (e instanceof JsonProcessingException json) {
            return Problems.response(400, "bad-request", describe(json));
        }
        if (e instanceof ParamException param) {
            return Problems.response(400, "bad-request", "parameter '" + param.getParameterName()
                    + "' has an invalid value: expected " + expected(param));
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return Problems.response(status, Problems.typeFor(status).substring("urn:heapscope:problem:".length()),
                    webDetail(status, web));
        }
        LOG.log(Level.WARNING, "heapscope: unexpected failure answering a request", e);
        return Problems.response(500, "internal", "heapscope failed unexpectedly: " + e.getClass().getSimpleName()
                + "; the server log has the details");
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof jakarta.ws.rs.ProcessingException || t instanceof IllegalStateException
                    && t.getCause() instanceof JsonProcessingException)) {
            t = t.getCause();
        }
        return t;
    }

    private static String expected(ParamException param) {
        if (param.getCause() instanceof NumberFormatException) {
            return "a whole number";
        }
        return "a value of the documented type";
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown property '" + unknown.getPropertyName() + "' in the request body; known: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException format) {
            return "property " + path(format) + " has a value of the wrong type or form: expected "
                    + format.getTargetType().getSimpleName();
        }
        if (e instanceof MismatchedInputException mismatched) {
            String target = mismatched.getTargetType() == null ? "another type"
                    : mismatched.getTargetType().getSimpleName();
            return "the request body does not match the contract at " + path(mismatched) + ": expected " + target;
        }
        return "the request body is not valid JSON: " + e.getOriginalMessage();
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the top level" : "'" + path + "'";
    }

    private static String webDetail(int status, WebApplicationException web) {
        return switch (status) {
            case 404 -> "no such resource; see /api/v1/openapi.yaml for the API";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "none of the requested media types can be produced";
            case 415 -> "send the request body as application/json";
            default -> web.getMessage() == null ? "HTTP " + status : web.getMessage();
        };
    }
}
