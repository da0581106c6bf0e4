package dev.heapscope.rest;

import dev.heapscope.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's {@code Accept} header, checked and rewritten before Jersey sees it.
 *
 * <p>Why: Jersey answers a header it cannot parse ({@code Accept: ;;;}) with an empty 400, and answers
 * {@code Accept: application/json} on a call whose only success is a 204 or YAML with a 406, although
 * that is what most JSON clients send on every call. So a malformed header becomes a clear problem,
 * and a header that accepts JSON also accepts, at the lowest preference, whatever else the endpoint
 * answers: JSON is still chosen wherever the endpoint offers it.
 */
final class AcceptHeader {

    /** Appended to a JSON-accepting header: last choice, below every type the client named. */
    static final String ANYTHING_ELSE = "*/*;q=0.001";

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern RANGE = Pattern.compile("\\s*(" + TOKEN + ")/(" + TOKEN + ")\\s*");
    private static final Pattern PARAMETER = Pattern.compile(
            "\\s*(" + TOKEN + ")\\s*=\\s*(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")\\s*");
    private static final Pattern QUALITY = Pattern.compile("(?:0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?)");

    private AcceptHeader() {
    }

    /** Thrown for a header that is not a list of media ranges; the message says what is wrong. */
    static final class Malformed extends Exception {
        Malformed(String detail) {
            super(detail, null, false, false);
        }
    }

    /**
     * The header as Jersey should see it: every media range in canonical form, and
     * {@link #ANYTHING_ELSE} appended when JSON is acceptable. Null or blank stays as it is (anything
     * is acceptable).
     *
     * @throws Malformed when an element is not {@code type/subtype} with {@code name=value} parameters
     */
    static String normalize(String header) throws Malformed {
        if (header == null || header.isBlank()) {
            return header;
        }
        List<String> ranges = new ArrayList<>();
        boolean json = false;
        for (String element : header.split(",", -1)) {
            if (element.isBlank()) {
                continue; // RFC 9110 allows empty list elements
            }
            Range range = parse(element);
            ranges.add(range.text());
            json |= range.acceptsJson();
        }
        if (ranges.isEmpty()) {
            throw new Malformed("the Accept header names no media type; send e.g. 'Accept: application/json'");
        }
        if (json) {
            ranges.add(ANYTHING_ELSE);
        }
        return String.join(", ", ranges);
    }

    private record Range(String type, String subtype, String text, boolean refused) {
        boolean acceptsJson() {
            if (refused) {
                return false;
            }
            return type.equals("*") || type.equals("application")
                    && (subtype.equals("*") || subtype.equals("json") || subtype.endsWith("+json"));
        }
    }

    private static Range parse(String element) throws Malformed {
        String[] parts = element.split(";", -1);
        Matcher range = RANGE.matcher(parts[0]);
        if (!range.matches()) {
            throw new Malformed("the Accept header has a malformed media range '" + Names.shown(element)
                    + "'; send e.g. 'Accept: application/json'");
        }
        String type = range.group(1).toLowerCase(Locale.ROOT);
        String subtype = range.group(2).toLowerCase(Locale.ROOT);
        if (type.equals("*") && !subtype.equals("*")) {
            throw new Malformed("the Accept header has a malformed media range '" + Names.shown(element) + "'");
        }
        StringBuilder text = new StringBuilder(type).append('/').append(subtype);
        boolean refused = false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue; // "text/plain;;q=1" is allowed by RFC 9110
            }
            Matcher parameter = PARAMETER.matcher(parts[i]);
            if (!parameter.matches()) {
                throw new Malformed("the Accept header has a malformed parameter in '" + Names.shown(element) + "'");
            }
            String name = parameter.group(1).toLowerCase(Locale.ROOT);
            String value = parameter.group(2);
            if (name.equals("q")) {
                if (!QUALITY.matcher(value).matches()) {
                    throw new Malformed("the Accept header has a quality outside 0..1 in '" + Names.shown(element) + "'");
                }
                refused = Double.parseDouble(value) == 0;
            }
            text.append(';').append(name).append('=').append(value);
        }
        return new Range(type, subtype, text.toString(), refused);
    }

}
