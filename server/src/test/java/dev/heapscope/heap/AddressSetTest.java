package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressSetTest {

    @Test
    void add_isTrueOnceThenFalse_forTheSameKey() {
        // given
        AddressSet set = new AddressSet(0, 0);

        // when
        boolean first = set.add(12345);
        boolean second = set.add(12345);

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void add_tellsApartEveryUnitOfOneBlock_andKeepsThemInOneBlock() {
        // given
        AddressSet set = new AddressSet(0, 0);

        // when: 32 neighbouring keys, one block
        for (int key = 64; key < 96; key++) {
            assertThat(set.add(key)).as("key %d", key).isTrue();
        }

        // then
        assertThat(set.size()).isEqualTo(32);
        assertThat(set.blocks()).isEqualTo(1);
        for (int key = 64; key < 96; key++) {
            assertThat(set.add(key)).as("key %d again", key).isFalse();
        }
    }

    @Test
    void add_keepsUnitsApart_whenKeysCountBytes() {
        // given: keys in bytes, 8-byte units
        AddressSet set = new AddressSet(0, 3);

        // when
        boolean a = set.add(8 * 1000);
        boolean b = set.add(8 * 1001);
        boolean sameUnitAsA = set.add(8 * 1000);

        // then
        assertThat(a).isTrue();
        assertThat(b).isTrue();
        assertThat(sameUnitAsA).isFalse();
    }

    @Test
    void add_keepsEveryKey_whenTheTableGrows_includingKeysAbove2To31() {
        // given
        AddressSet set = new AddressSet(0, 0);
        Random random = new Random(42);
        Set<Integer> expected = new HashSet<>();

        // when: far more keys than the first table holds, dense runs and scattered ones, negative ints too
        for (int i = 0; i < 200_000; i++) {
            int key = i % 2 == 0 ? 1_000_000 + i : random.nextInt();
            if (key != 0) {
                assertThat(set.add(key)).isEqualTo(expected.add(key));
            }
        }

        // then
        assertThat(set.size()).isEqualTo(expected.size());
        for (int key : expected) {
            assertThat(set.add(key)).isFalse();
        }
    }

    @Test
    void unitShift_isZeroOrTheBitsOfTheAlignment() {
        // given
        HeapModel model = HeapModel.create();

        // when
        int shift = AddressSet.unitShift(model.reader, model.shape);

        // then: keys count alignment units (0) or bytes (log2 of the alignment)
        assertThat(shift).isIn(0, Long.numberOfTrailingZeros(model.shape.objectAlignment()));
    }
}
