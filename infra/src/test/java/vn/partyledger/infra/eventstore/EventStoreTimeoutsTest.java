package vn.partyledger.infra.eventstore;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStoreTimeoutsTest {

    @Test
    void readersSealOnlyPositionsEmptyForAtLeastTwiceTheWritersOwnLimit() {
        assertThat(new EventStoreTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20)).sealAfter())
                .isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() -> new EventStoreTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(19)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least twice");
    }

    @Test
    void aWriterWithoutATimeLimitIsNotAConfiguration() {
        assertThatThrownBy(() -> new EventStoreTimeouts(Duration.ZERO, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventStoreTimeouts(null, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
