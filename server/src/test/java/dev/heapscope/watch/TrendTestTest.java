package dev.heapscope.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrendTestTest {

    @Test
    void risingPValue_isOneOverMFactorial_forAStrictRise() {
        assertThat(TrendTest.risingPValue(new long[] {1, 2, 3, 4, 5, 6})).isCloseTo(1.0 / 720, within(1e-12));
    }

    @Test
    void risingPValue_matchesTheMahonianTable_forSixPointsWithOneSwap() {
        // one inversion: permutations of 6 with at most 1 inversion are 1 + 5 of 720
        assertThat(TrendTest.risingPValue(new long[] {1, 2, 4, 3, 5, 6})).isCloseTo(6.0 / 720, within(1e-12));
    }

    @Test
    void risingPValue_isOne_forAStrictFall_andAboutHalf_forNoChange() {
        assertThat(TrendTest.risingPValue(new long[] {6, 5, 4, 3, 2, 1})).isEqualTo(1.0);
        assertThat(TrendTest.risingPValue(new long[] {7, 7, 7, 7})).isBetween(0.5, 0.7);
    }

    @Test
    void s_countsRisingPairsLessFallingPairs() {
        assertThat(TrendTest.s(new long[] {1, 3, 2})).isEqualTo(1);
    }

    @Test
    void risingPValue_refusesASinglePoint() {
        assertThatThrownBy(() -> TrendTest.risingPValue(new long[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
