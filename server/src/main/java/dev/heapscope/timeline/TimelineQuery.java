package dev.heapscope.timeline;

import dev.heapscope.HeapscopeException;
import dev.heapscope.Ranges;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of the timeline to show.
 *
 * @param since     the first moment, inclusive
 * @param until     the last moment, inclusive
 * @param maxPoints memory points at most, 10..{@value #MAX_POINTS}; more in the range are merged
 */
public record TimelineQuery(Instant since, Instant until, int maxPoints) {

    public static final int DEFAULT_MAX_POINTS = 1000;
    public static final int MAX_POINTS = 20_000;

    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhd])");

    public TimelineQuery {
        if (since.isAfter(until)) {
            throw new HeapscopeException.BadRequest("since (" + since + ") is after until (" + until + ")");
        }
    }

    /**
     * From wire values: each moment is an ISO-8601 date-time ({@code 2025-01-31T12:00:00Z}) or a time
     * before {@code now} ({@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}); {@code since} absent means
     * the oldest kept, {@code until} absent means now.
     *
     * @throws HeapscopeException.BadRequest naming the value that is neither
     */
    public static TimelineQuery of(String since, String until, Integer maxPoints, Instant now) {
        return new TimelineQuery(since == null ? Instant.EPOCH : moment("since", since, now),
                until == null ? now : moment("until", until, now),
                Ranges.require("maxPoints", maxPoints, DEFAULT_MAX_POINTS, 10, MAX_POINTS));
    }

    private static Instant moment(String what, String value, Instant now) {
        Matcher relative = RELATIVE.matcher(value.trim());
        if (relative.matches()) {
            long n = Long.parseLong(relative.group(1));
            Duration back = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(back);
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new HeapscopeException.BadRequest(what + " '" + (value.length() > 40 ? value.substring(0, 40)
                    + "..." : value) + "' is neither an ISO-8601 date-time (2025-01-31T12:00:00Z) nor a time"
                    + " back from now (90s, 15m, 2h, 7d)");
        }
    }
}
