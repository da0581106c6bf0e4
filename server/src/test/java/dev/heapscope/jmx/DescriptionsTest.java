package dev.heapscope.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.heap.HeapService;
import dev.heapscope.heap.RootsService;
import dev.heapscope.heap.WalkOptions;
import dev.heapscope.heap.WalkRequest;
import dev.heapscope.snapshot.StatisticsQuery;
import dev.heapscope.tracing.TracingSettings;
import org.junit.jupiter.api.Test;

/** The parameter texts in descriptions.properties quote limits and defaults that live in the core: they agree. */
class DescriptionsTest {

    @Test
    void rootsParameters_quoteTheCoresLimitsAndDefaults() {
        assertQuotes(RootsBean.class, ".size(limit)", RootsService.MAX_FOOTPRINT_LIMIT,
                RootsService.DEFAULT_FOOTPRINT_LIMIT);
        assertQuotes(RootsBean.class, ".backrefs(limit)", RootsService.MAX_BACKREF_LIMIT,
                RootsService.DEFAULT_BACKREF_LIMIT);
        assertQuotes(RootsBean.class, ".backrefs(maxDepth)", RootsService.MAX_BACKREF_DEPTH,
                RootsService.DEFAULT_BACKREF_DEPTH);
        assertQuotes(RootsBean.class, ".refs(maxDepth)", RootsService.MAX_REFS_DEPTH, RootsService.DEFAULT_REFS_DEPTH);
        assertQuotes(RootsBean.class, "(maxObjects)", WalkRequest.SERVER_MAX_OBJECTS, WalkOptions.DEFAULT_MAX_OBJECTS);
        assertQuotes(RootsBean.class, "(timeLimitMs)", WalkRequest.SERVER_MAX_TIME_LIMIT_MS,
                WalkOptions.DEFAULT_TIME_LIMIT.toMillis());
    }

    @Test
    void otherParameters_quoteTheCoresLimitsAndDefaults() {
        assertQuotes(TracingBean.class, "(stackDepth)", TracingSettings.MAX_STACK_DEPTH,
                TracingSettings.DEFAULTS.stackDepth());
        assertQuotes(TracingBean.class, "(allocationSamplesPerSecond)", TracingSettings.MAX_SAMPLES_PER_SECOND,
                TracingSettings.DEFAULTS.allocationSamplesPerSecond());
        assertQuotes(SnapshotsBean.class, "(limit)", StatisticsQuery.MAX_LIMIT, StatisticsQuery.DEFAULT_LIMIT);
        assertThat(Descriptions.of(HeapBean.class, "(limit)")).contains("1.." + HeapService.MAX_LIMIT);
    }

    private static void assertQuotes(Class<?> bean, String parameter, long max, long defaultValue) {
        assertThat(Descriptions.of(bean, parameter)).as(parameter).contains("1.." + max)
                .containsPattern("default " + defaultValue + "\\b");
    }
}
