package dev.heapscope.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracemallocFormatTest {

    @Test
    void size_matchesTracemallocFormatSize() {
        assertThat(TracemallocFormat.size(491, false)).isEqualTo("491 B");
        assertThat(TracemallocFormat.size(2400 * 1024, false)).isEqualTo("2400 KiB");
        assertThat(TracemallocFormat.size(2400 * 1024, true)).isEqualTo("+2400 KiB");
        assertThat(TracemallocFormat.size(12_345_678, false)).isEqualTo("11.8 MiB");
        assertThat(TracemallocFormat.size(-12_345_678, true)).isEqualTo("-11.8 MiB");
        assertThat(TracemallocFormat.size(10 * 1024, false)).isEqualTo("10.0 KiB");
        assertThat(TracemallocFormat.size(0, true)).isEqualTo("+0 B");
    }
}
