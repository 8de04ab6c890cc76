package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogPositionTest {

    @Test
    void aTokenReadsAsCommitTimesAMillionPlusTheIndexInTheCommit() {
        assertThat(new LogPosition(3, 17).token()).isEqualTo(new GlobalSequenceTrackingToken(3_000_017));
        assertThat(LogPosition.of(new GlobalSequenceTrackingToken(3_000_017))).isEqualTo(new LogPosition(3, 17));
    }

    @Test
    void theEndOfACommitIsItsLastPossibleIndexSoTheNextReadStartsAtTheNextCommit() {
        LogPosition end = LogPosition.endOf(5);
        assertThat(end.readsWholeCommit()).isTrue();
        assertThat(end.token()).isEqualTo(new GlobalSequenceTrackingToken(5_999_999));
        assertThat(new LogPosition(5, 0).readsWholeCommit()).isFalse();
    }

    @Test
    void noTokenMeansNothingReadYet() {
        assertThat(LogPosition.of(null)).isEqualTo(LogPosition.endOf(0));
    }

    @Test
    void aTokenOfAnotherKindIsRefusedRatherThanMisread() {
        assertThatThrownBy(() -> LogPosition.of(GapAwareTrackingToken.newInstance(10, Set.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrong type");
    }

    @Test
    void anIndexBeyondWhatACommitHoldsIsNoPosition() {
        assertThatThrownBy(() -> new LogPosition(1, LogPosition.EVENTS_PER_COMMIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogPosition(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
