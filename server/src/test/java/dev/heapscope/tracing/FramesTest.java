package dev.heapscope.tracing;

import dev.heapscope.heap.TypeNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {

    static final Frame RESIZE = new Frame("java.util.HashMap", "resize", "HashMap.java", 700);
    static final Frame PUT = new Frame("com.example.SessionStore", "put", "SessionStore.java", 42);
    static final Frame OWN = new Frame("dev.heapscope.snapshot.Snapshot", "take", "Snapshot.java", 9);
    static final Frame E2E = new Frame("dev.heapscope.e2e.LeakTest", "leaks", "LeakTest.java", 5);

    @Test
    void keys_followTracemallocsForms() {
        assertThat(PUT.lineKey()).isEqualTo("com/example/SessionStore.java:42");
        assertThat(PUT.methodKey()).isEqualTo("com.example.SessionStore.put");
        assertThat(PUT.fileKey()).isEqualTo("com/example/SessionStore.java");
    }

    @Test
    void fileKey_fallsBackToTheClassName_withoutAFileName() {
        Frame frame = new Frame("com.example.Gen$1", "run", null, -1);
        assertThat(frame.fileKey()).isEqualTo("com/example/Gen$1");
        assertThat(frame.lineKey()).isEqualTo("com/example/Gen$1:-1");
    }

    @Test
    void isInfrastructure_coversJdkAndHeapscope_notHostCode() {
        assertThat(List.of("java.util.HashMap", "javax.management.X", "jdk.internal.misc.Unsafe",
                "sun.nio.ch.X", "com.sun.jmx.X", "dev.heapscope.tracing.X"))
                .allMatch(name -> Frames.isInfrastructure(new Frame(name, "m", null, 1)));
        assertThat(List.of("com.example.leaky.StaticMapLeak", "javaxx.Foo", "dev.heapscopex.Foo", "Main"))
                .noneMatch(name -> Frames.isInfrastructure(new Frame(name, "m", null, 1)));
    }

    @Test
    void siteOf_isTheFirstFrameOutsideTheJdkAndHeapscope() {
        assertThat(Frames.siteOf(List.of(RESIZE, OWN, PUT))).contains(PUT);
        assertThat(Frames.siteOf(List.of(RESIZE, OWN))).isEmpty();
    }

    @Test
    void isHeapscopeOwn_whenTheFirstNonJdkFrameIsHeapscopes_orThereIsNone() {
        assertThat(Frames.isHeapscopeOwn(List.of(RESIZE, OWN, PUT))).isTrue();
        assertThat(Frames.isHeapscopeOwn(List.of(RESIZE, E2E))).isTrue();
        assertThat(Frames.isHeapscopeOwn(List.of(RESIZE))).isTrue();
        assertThat(Frames.isHeapscopeOwn(List.of(RESIZE, PUT, OWN))).isFalse();
    }

    @Test
    void sourceFileOf_followsTheTopLevelClass() {
        assertThat(Stacks.sourceFileOf("com.example.SessionStore")).isEqualTo("SessionStore.java");
        assertThat(Stacks.sourceFileOf("com.example.SessionStore$Entry")).isEqualTo("SessionStore.java");
        assertThat(Stacks.sourceFileOf("com.example.Job$$Lambda/0x0000000800c0b000")).isEqualTo("Job.java");
        assertThat(Stacks.sourceFileOf("com.example.Job$$Lambda$14/0x0000000800c0b000")).isEqualTo("Job.java");
        assertThat(Stacks.sourceFileOf("Main")).isEqualTo("Main.java");
    }

    @Test
    void hiddenClassNames_loseJfrsAddressAndHashSuffix() {
        String jfrName = "org.junit.Descriptor$$Lambda$273+0x00007f61780a7570.1073533248";
        assertThat(TypeNames.withoutHiddenSuffix(jfrName)).isEqualTo("org.junit.Descriptor$$Lambda$273");
        assertThat(Stacks.sourceFileOf(TypeNames.withoutHiddenSuffix(jfrName))).isEqualTo("Descriptor.java");
        assertThat(TypeNames.withoutHiddenSuffix("a.B$$Lambda.0x000000008a1a91b8")).isEqualTo("a.B$$Lambda");
        assertThat(TypeNames.withoutHiddenSuffix("com.example.Plain")).isEqualTo("com.example.Plain");
    }
}
