package dev.heapscope.heap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;

class ClassLayoutsTest {

    private final ClassLayouts layouts = new ClassLayouts();

    @Test
    void describe_matchesJolSizesAndListsSuperclassFields() {
        ClassLayoutView view = layouts.describe(Child.class);
        ClassLayout jol = ClassLayout.parseClass(Child.class);

        assertThat(view.instanceBytes()).isEqualTo(jol.instanceSize());
        assertThat(view.headerBytes()).isEqualTo(jol.headerSize());
        assertThat(view.fields()).extracting(FieldView::name).containsExactlyInAnyOrder("flag", "count", "name");
        assertThat(view.fields()).filteredOn(f -> f.name().equals("flag"))
                .singleElement().satisfies(f -> assertThat(f.declaringClass()).endsWith("Base"));
        assertThat(view.totalLossBytes()).isEqualTo(jol.getLossesTotal());
    }

    @Test
    void describe_gapsAddUpToLosses() {
        ClassLayoutView view = layouts.describe(Child.class);

        assertThat(view.gaps().stream().mapToLong(LayoutGap::size).sum()).isEqualTo(view.totalLossBytes());
    }

    @Test
    void describe_givesElementSize_forArrays() {
        assertThat(layouts.describe(long[].class).arrayElementBytes()).isEqualTo(8);
    }

    @Test
    void loadable_isEmpty_forUnknownClassName() {
        assertThat(ClassLayouts.loadable("com.example.DoesNotExist")).isEmpty();
        assertThat(ClassLayouts.loadable("java.util.HashMap")).contains(java.util.HashMap.class);
    }

    static class Base {
        boolean flag;
    }

    static final class Child extends Base {
        long count;
        String name;
    }
}
