package vn.partyledger.infra.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection has reached a position when every segment has, on whichever node holds it. */
class ProjectionProgressTest {

    @Test
    void aSegmentAnotherNodeHoldsAndIsBehindOnHoldsTheReadBack() {
        assertThat(ProjectionProgress.leastOf(Map.of(0, 10L, 1, 5L), Map.of(0, 12L))).isEqualTo(5);
    }

    @Test
    void aSegmentThisNodeHoldsCountsAtItsProgressWhenItsStoredTokenLags() {
        assertThat(ProjectionProgress.leastOf(Map.of(0, 3L, 1, 7L), Map.of(0, 9L))).isEqualTo(7);
    }

    @Test
    void aProcessorWithNoSegmentYetHasReadNothing() {
        assertThat(ProjectionProgress.leastOf(Map.of(), Map.of())).isEqualTo(-1);
    }
}
