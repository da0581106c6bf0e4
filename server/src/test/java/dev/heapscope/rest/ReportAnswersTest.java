package dev.heapscope.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportAnswersTest {

    /** A core report: compared by identity, as the core's report cache hands the same one to every reader. */
    static final class Report {
        final String name;

        Report(String name) {
            this.name = name;
        }
    }

    private final ReportAnswers answers = new ReportAnswers(new ObjectMapper());
    private final AtomicInteger built = new AtomicInteger();

    private Map<String, String> model(Report report) {
        built.incrementAndGet();
        return Map.of("name", report.name);
    }

    @Test
    void of_buildsTheModelAndItsJsonOnce_perReport() {
        Report report = new Report("after");

        Object first = answers.of(report, this::model);
        Object again = answers.of(report, this::model);
        Object another = answers.of(new Report("after"), this::model);

        assertThat(again).isSameAs(first).isInstanceOf(ReportAnswers.Answer.class);
        assertThat(new String(((ReportAnswers.Answer) first).json())).isEqualTo("{\"name\":\"after\"}");
        assertThat(another).isNotSameAs(first);
        assertThat(built).hasValue(2);
    }

    @Test
    void of_answersTheModelItself_whenItsJsonExceedsTheBound() {
        Report big = new Report("x".repeat(ReportAnswers.MAX_JSON_BYTES));

        Object answer = answers.of(big, this::model);

        assertThat(answer).isEqualTo(Map.of("name", big.name));
        assertThat(held()).isEmpty();
    }

    /** An entry of a large model that counts how often it was written. */
    public static final class Counted {
        static final AtomicInteger WRITTEN = new AtomicInteger();

        public String getText() {
            WRITTEN.incrementAndGet();
            return "t".repeat(1024);
        }
    }

    @Test
    void of_stopsWritingALargeModel_atTheBound_insteadOfWritingItAllTwice() {
        Counted.WRITTEN.set(0);
        List<Counted> entries = java.util.stream.Stream.generate(Counted::new).limit(2000).toList();

        Report large = new Report("large");
        Object answer = answers.of(large, r -> entries);

        assertThat(answer).isSameAs(entries);
        // 512 KiB hold ~500 entries of 1 KiB; Jackson's buffer adds a few
        assertThat(Counted.WRITTEN.get()).isBetween(ReportAnswers.MAX_JSON_BYTES / 1024,
                ReportAnswers.MAX_JSON_BYTES / 1024 + 50);
        assertThat(held()).isEmpty();
        // read again: known to be too large, it is not begun again
        int written = Counted.WRITTEN.get();
        assertThat(answers.of(large, r -> entries)).isSameAs(entries);
        assertThat(Counted.WRITTEN.get()).isEqualTo(written);
    }

    @Test
    void of_letsGoOfAnAnswer_onceTheCoreHasDroppedItsReport() {
        Report dropped = new Report("deleted snapshot");
        answers.of(dropped, this::model);
        assertThat(held()).hasSize(1);
        WeakReference<Report> collected = new WeakReference<>(dropped);
        dropped = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (collected.get() != null && System.nanoTime() < deadline) {
            System.gc();
        }
        assertThat(collected.get()).as("the dropped report collected within 30 s").isNull();

        Report kept = new Report("kept");
        answers.of(kept, this::model);

        assertThat(held()).extracting(ReportAnswers.Answer::model).containsExactly(Map.of("name", "kept"));
    }

    private List<ReportAnswers.Answer> held() {
        return Arrays.stream((Object[]) answers.held()).filter(Objects::nonNull).map(ReportAnswers.Answer.class::cast)
                .toList();
    }
}
