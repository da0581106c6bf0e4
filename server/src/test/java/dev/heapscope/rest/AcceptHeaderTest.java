package dev.heapscope.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void normalize_addsAnythingElseLast_whenJsonIsAcceptable() throws Exception {
        assertThat(AcceptHeader.normalize("application/json")).isEqualTo("application/json, */*;q=0.001");
        assertThat(AcceptHeader.normalize("application/problem+json")).endsWith(AcceptHeader.ANYTHING_ELSE);
        assertThat(AcceptHeader.normalize("application/*")).endsWith(AcceptHeader.ANYTHING_ELSE);
    }

    @Test
    void normalize_leavesOtherTypesAlone_soTheyStillGet406() throws Exception {
        assertThat(AcceptHeader.normalize("text/csv")).isEqualTo("text/csv");
        assertThat(AcceptHeader.normalize("application/json;q=0, text/csv")).isEqualTo("application/json;q=0, text/csv");
    }

    @Test
    void normalize_keepsParameters_andDropsEmptyOnes() throws Exception {
        assertThat(AcceptHeader.normalize("text/plain;;charset=utf-8, ,text/vnd.graphviz;q=0.5"))
                .isEqualTo("text/plain;charset=utf-8, text/vnd.graphviz;q=0.5");
        assertThat(AcceptHeader.normalize(null)).isNull();
    }

    @Test
    void normalize_rejectsWhatIsNotAMediaRange() {
        assertThatThrownBy(() -> AcceptHeader.normalize(";;;")).hasMessageContaining("malformed media range ';;;'");
        assertThatThrownBy(() -> AcceptHeader.normalize("json")).hasMessageContaining("malformed media range");
        assertThatThrownBy(() -> AcceptHeader.normalize("*/json")).hasMessageContaining("malformed media range");
        assertThatThrownBy(() -> AcceptHeader.normalize("text/plain;q")).hasMessageContaining("malformed parameter");
        assertThatThrownBy(() -> AcceptHeader.normalize("text/plain;q=2")).hasMessageContaining("quality outside 0..1");
        assertThatThrownBy(() -> AcceptHeader.normalize(",")).hasMessageContaining("names no media type");
    }
}
