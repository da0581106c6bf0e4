package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.DiagnosticCommands;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistogramReaderTest {

    @Test
    void parse_readsJcmdHistogram_withReadableNames_mergesLoaders_andLeavesOutHeapscopeClasses() {
        String text = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         10925        4327584  [B (java.base@17.0.15)
                   2:           100           2400  com.example.Session
                   3:            50           1200  com.example.Session
                   4:             7            560  [Ljava.lang.Object; (java.base@17.0.15)
                   5:            30            720  dev.heapscope.heap.ClassCount
                Total         11112        4332464
                """;

        ClassHistogram h = HistogramReader.parse(text, Instant.EPOCH);

        assertThat(h.classes()).containsExactly(new ClassCount("byte[]", 10925, 4327584),
                new ClassCount("com.example.Session", 150, 3600), new ClassCount("java.lang.Object[]", 7, 560));
        assertThat(h.totalInstances()).isEqualTo(11112);
        assertThat(h.totalBytes()).isEqualTo(4332464);
    }

    @Test
    void parse_readsHiddenClassesAndLinesWithoutModule_andSkipsLinesThatAreNoEntry() {
        String text = " num     #instances         #bytes  class name (module)\r\n"
                + "   1:            12            192  com.example.Handler$$Lambda$14/0x0000000800c0b000\r\n"
                + "   2:             3             72  java.util.HashMap (java.base@25)\n"
                + "   3:             1             16  com.example.Odd trailing words\n"
                + "   x:             1             16  com.example.NotARank\n"
                + "   4:             5\n"
                + "Total            16            280";

        ClassHistogram h = HistogramReader.parse(text, Instant.EPOCH);

        // a hidden class is named without its address, which differs from one run to the next
        assertThat(h.classes()).containsExactly(new ClassCount("com.example.Handler$$Lambda$14", 12, 192),
                new ClassCount("java.util.HashMap", 3, 72));
        assertThat(h.totalInstances()).isEqualTo(15);
        assertThat(h.totalBytes()).isEqualTo(264);
    }

    @Test
    void take_countsObjectsHeldNow_exactly() {
        Object[] held = new Object[5000];
        for (int i = 0; i < held.length; i++) {
            held[i] = new com.example.probe.HistogramProbe();
        }

        ClassHistogram h = new HistogramReader(new DiagnosticCommands()).take();

        assertThat(h.byType().get("com.example.probe.HistogramProbe").instances()).isEqualTo(5000);
        assertThat(held).hasSize(5000);
    }


    @Test
    void readable_namesArraysLikeJava() {
        assertThat(TypeNames.readable("[[I")).isEqualTo("int[][]");
        assertThat(TypeNames.readable("[Ljava.util.HashMap$Node;")).isEqualTo("java.util.HashMap$Node[]");
        assertThat(TypeNames.readable("java.lang.String")).isEqualTo("java.lang.String");
    }
}
