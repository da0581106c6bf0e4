package dev.heapscope.rest;

import dev.heapscope.HeapscopeException;
import dev.heapscope.rest.model.Problem;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problems: the one place statuses, types and titles are chosen. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:heapscope:problem:";

    private Problems() {
    }

    static int statusOf(HeapscopeException e) {
        if (e instanceof HeapscopeException.BadRequest) {
            return 400;
        } else if (e instanceof HeapscopeException.NotFound) {
            return 404;
        } else if (e instanceof HeapscopeException.Conflict) {
            return 409;
        } else if (e instanceof HeapscopeException.Gone) {
            return 410;
        } else if (e instanceof HeapscopeException.Busy) {
            return 429;
        }
        return 503;
    }

    static Response response(int status, String kind, String detail) {
        Problem problem = new Problem(TYPE_PREFIX + kind, titleFor(status), status, detail);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }

    static Response of(HeapscopeException e) {
        Response.ResponseBuilder builder = Response.fromResponse(response(statusOf(e), e.kind(), e.getMessage()));
        if (e.retryAfterSeconds() > 0) {
            builder.header("Retry-After", e.retryAfterSeconds());
        }
        return builder.build();
    }

    static String typeFor(int status) {
        return TYPE_PREFIX + switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 421 -> "misdirected-request";
            case 429 -> "busy";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            case 505 -> "http-version-not-supported";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Request too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 421 -> "Misdirected request";
            case 429 -> "Busy";
            case 431 -> "Request headers too large";
            case 503 -> "Unavailable";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? "Internal error" : "HTTP " + status;
        };
    }

    /** A problem as JSON text, for the places that write bytes themselves (Jetty's error handler). */
    static String json(String type, String title, int status, String detail) {
        return "{\"type\":\"" + escape(type) + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
