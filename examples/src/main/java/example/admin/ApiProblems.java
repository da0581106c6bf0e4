package example.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.client.ApiException;
import dev.heapscope.client.model.Problem;
import java.io.IOException;

/** Turns a failed call into one line a person can act on: the problem's detail, not a stack trace. */
final class ApiProblems {

    private ApiProblems() {
    }

    static String describe(String what, ApiException e, ObjectMapper json) {
        if (e.getCode() == 0) {
            // no HTTP response at all: the cause says why (connection refused, timeout)
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return what + " failed: no answer from heapscope (" + cause + ")";
        }
        return what + " failed: HTTP " + e.getCode() + ": " + detail(e, json);
    }

    private static String detail(ApiException e, ObjectMapper json) {
        String body = e.getResponseBody();
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            Problem problem = json.readValue(body, Problem.class);
            if (problem.getDetail() != null) {
                return problem.getDetail() + (problem.getType() == null ? "" : " [" + problem.getType() + "]");
            }
        } catch (IOException notAProblem) {
            // not problem+json (a proxy's error page, say): show the body as it came
        }
        return body.strip();
    }
}
