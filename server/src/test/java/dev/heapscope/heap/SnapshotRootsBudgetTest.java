package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heapscope.Cancellation;
import dev.heapscope.DiagnosticCommands;
import dev.heapscope.OneAtATime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotRootsBudgetTest {

    private final RootRegistry registry = new RootRegistry();
    private final RootsService roots = new RootsService(registry,
            new OneAtATime(new DiagnosticCommands()::gcRun), null, new Cancellation());

    private void registerOneBigAndTwoSmallRoots() {
        Object[] big = new Object[2_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = new int[] {i};
        }
        registry.register("a-big", big);
        registry.register("b-small", new ArrayList<>(List.of("x")));
        registry.register("c-small", new ArrayList<>(List.of("y")));
    }

    @Test
    void sizeAllForSnapshot_walksNoRootOnceTheSnapshotsBudgetIsSpent_andSaysWhichWereLeft() {
        registerOneBigAndTwoSmallRoots();
        List<String> notes = new ArrayList<>();

        List<RootSize> sizes = roots.sizeAllForSnapshot(Duration.ofMillis(5), notes);

        assertThat(sizes).extracting(RootSize::name).containsExactly("a-big");
        assertThat(sizes.get(0).size().truncated()).as("the big root's walk stopped at what was left of 5 ms")
                .isTrue();
        assertThat(sizes.get(0).options().timeLimit()).isLessThanOrEqualTo(Duration.ofMillis(5));
        assertThat(notes).containsExactly("2 registered roots were not walked: a snapshot walks roots for at most"
                + " 5 ms in all (b-small, c-small)");
    }

    @Test
    void sizeAllForSnapshot_walksEveryRoot_withinTheBudget() {
        registerOneBigAndTwoSmallRoots();
        List<String> notes = new ArrayList<>();

        List<RootSize> sizes = roots.sizeAllForSnapshot(notes);

        assertThat(sizes).extracting(RootSize::name).containsExactly("a-big", "b-small", "c-small");
        assertThat(sizes).allSatisfy(s -> assertThat(s.size().truncated()).isFalse());
        assertThat(notes).isEmpty();
    }
}
