package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.vm.VM;

class BackrefSearchTest {

    private final BackrefSearch search = new BackrefSearch(HeapModel.create());

    @Test
    void find_givesExactHops_forListenerHeldBySingletonEventBus() {
        EventBus bus = new EventBus();
        Listener listener = new Listener();
        bus.listeners.add(listener);

        BackrefResult result = search.find(bus, Listener.class.getName(), 10, 20, WalkOptions.defaults());

        assertThat(result.chains()).hasSize(1);
        BackrefChain chain = result.chains().get(0);
        assertThat(chain.hops()).containsExactly(
                new Hop("java.lang.Object[]", "[0]"),
                new Hop("java.util.ArrayList", "elementData"),
                new Hop(EventBus.class.getTypeName(), "listeners"));
        assertThat(chain.depth()).isEqualTo(3);
        assertThat(chain.targetShallowBytes()).isEqualTo(VM.current().sizeOf(listener));
        assertThat(chain.path()).isEqualTo(
                "BackrefSearchTest$Listener <- Object[] [0] <- ArrayList.elementData <- BackrefSearchTest$EventBus.listeners");
    }

    @Test
    void find_matchesSubtypesAndInterfaces() {
        EventBus bus = new EventBus();
        bus.listeners.add(new LoudListener());
        bus.listeners.add(new Listener());

        BackrefResult result = search.find(bus, Callback.class.getName(), 10, 20, WalkOptions.defaults());

        assertThat(result.chains()).extracting(BackrefChain::targetType)
                .containsExactlyInAnyOrder(LoudListener.class.getTypeName(), Listener.class.getTypeName());
    }

    @Test
    void find_returnsShortestChain_whenObjectReachableTwice() {
        Listener listener = new Listener();
        Map<String, Object> root = new HashMap<>();
        root.put("deep", List.of(List.of(List.of(listener))));
        Holder direct = new Holder(listener);
        root.put("direct", direct);
        Object[] top = {root, direct};

        BackrefResult result = search.find(top, Listener.class.getName(), 10, 20, WalkOptions.defaults());

        assertThat(result.chains()).hasSize(1);
        assertThat(result.chains().get(0).hops()).containsExactly(
                new Hop(Holder.class.getTypeName(), "value"), new Hop("java.lang.Object[]", "[1]"));
    }

    @Test
    void find_stopsAtLimit_andSaysSo() {
        EventBus bus = new EventBus();
        for (int i = 0; i < 5; i++) {
            bus.listeners.add(new Listener());
        }

        BackrefResult result = search.find(bus, Listener.class.getName(), 2, 20, WalkOptions.defaults());

        assertThat(result.chains()).hasSize(2);
        assertThat(result.truncated()).isTrue();
        assertThat(result.truncationReason()).isEqualTo("result limit 2 reached");
    }

    @Test
    void find_doesNotLookPastMaxDepth() {
        EventBus bus = new EventBus();
        bus.listeners.add(new Listener());

        BackrefResult result = search.find(bus, Listener.class.getName(), 10, 2, WalkOptions.defaults());

        assertThat(result.chains()).isEmpty();
    }

    @Test
    void find_returnsEmptyChain_whenRootMatches() {
        BackrefResult result = search.find(new Listener(), Listener.class.getName(), 10, 5, WalkOptions.defaults());

        assertThat(result.chains()).singleElement().satisfies(c -> assertThat(c.hops()).isEmpty());
    }

    @Test
    void find_truncatesAtObjectLimit() {
        BackrefResult result = search.find(DeepSizeWalkerTest.bigList(1000), Listener.class.getName(), 10, 20,
                WalkOptions.defaults().withMaxObjects(50));

        assertThat(result.truncated()).isTrue();
        assertThat(result.truncationReason()).isEqualTo("object limit 50 reached");
    }

    interface Callback {
    }

    static class Listener implements Callback {
        final String name = new String("listener");
    }

    static final class LoudListener extends Listener {
    }

    static final class EventBus {
        final List<Callback> listeners = new ArrayList<>();
    }

    static final class Holder {
        final Object value;

        Holder(Object value) {
            this.value = value;
        }
    }
}
