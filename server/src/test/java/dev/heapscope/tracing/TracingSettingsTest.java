package dev.heapscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TracingSettingsTest {

    @Test
    void defaults_areDepth16And1000SamplesPerSecond() {
        assertThat(TracingSettings.DEFAULTS).isEqualTo(new TracingSettings(16, 1000));
    }

    @Test
    void constructor_namesTheBadStackDepth() {
        assertThatThrownBy(() -> new TracingSettings(65, 150))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stackDepth")
                .hasMessageContaining("65");
        assertThatThrownBy(() -> new TracingSettings(0, 150)).hasMessageContaining("was 0");
    }

    @Test
    void constructor_namesTheBadSampleRate() {
        assertThatThrownBy(() -> new TracingSettings(16, 10_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allocationSamplesPerSecond")
                .hasMessageContaining("10001");
        assertThatThrownBy(() -> new TracingSettings(16, 0)).hasMessageContaining("was 0");
    }

    @Test
    void constructor_acceptsTheBounds() {
        assertThat(new TracingSettings(1, 1)).isNotNull();
        assertThat(new TracingSettings(64, 10_000)).isNotNull();
    }
}
