package dev.heapscope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CancellationFlagTest {

    @Test
    void child_isCancelledWithItsParent_butNotTheOtherWayRound() {
        Cancellation closing = new Cancellation();
        Cancellation request = closing.child();
        Cancellation other = closing.child();

        request.cancel("the client closed the connection");
        assertThat(request.reason()).isEqualTo("the client closed the connection");
        assertThat(closing.isCancelled()).isFalse();
        assertThat(other.isCancelled()).isFalse();

        closing.cancel("heapscope is stopping");
        assertThat(other.reason()).isEqualTo("heapscope is stopping");
        assertThat(request.reason()).isEqualTo("the client closed the connection");
    }

    @Test
    void cancel_keepsTheFirstReason() {
        Cancellation flag = new Cancellation();
        flag.cancel("first");
        flag.cancel("second");

        assertThat(flag.reason()).isEqualTo("first");
    }
}
