package dev.heapscope.snapshot;

import dev.heapscope.Ranges;
import dev.heapscope.HeapscopeException;

/**
 * How to compute statistics.
 *
 * @param groupBy    the key
 * @param view       allocated or live
 * @param cumulative count a sample for every frame of its traceback (line, method and file only)
 * @param limit      entries to return, 1..{@value #MAX_LIMIT}
 * @param stackDepth frames per traceback, 1..64, or null for the depth tracing was started with
 */
public record StatisticsQuery(GroupBy groupBy, View view, boolean cumulative, int limit, Integer stackDepth) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_STACK_DEPTH = 64;

    public StatisticsQuery {
        if (groupBy == null || view == null) {
            throw new HeapscopeException.BadRequest("groupBy and view are required");
        }
        Ranges.require("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (stackDepth != null) {
            Ranges.require("stackDepth", stackDepth, MAX_STACK_DEPTH, 1, MAX_STACK_DEPTH);
        }
        if (cumulative && (groupBy == GroupBy.TYPE || groupBy == GroupBy.TRACEBACK || groupBy == GroupBy.ROOT)) {
            throw new HeapscopeException.BadRequest("cumulative applies to groupBy line, method and file, not "
                    + groupBy);
        }
    }

    /** Builds a query from wire values; nulls take their defaults. */
    public static StatisticsQuery of(String groupBy, String view, Boolean cumulative, Integer limit, Integer stackDepth) {
        return new StatisticsQuery(GroupBy.parse(groupBy), View.parse(view), Boolean.TRUE.equals(cumulative),
                Ranges.require("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), stackDepth);
    }
}
