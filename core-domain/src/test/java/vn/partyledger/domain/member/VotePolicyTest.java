package vn.partyledger.domain.member;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VotePolicyTest {

    @Test
    @DisplayName("two thirds of 30 full members is 20, of 31 it is 21")
    void twoThirdsRoundsUp() {
        assertThat(VotePolicy.DEFAULTS.admissionPassMark(30)).isEqualTo(20);
        assertThat(VotePolicy.DEFAULTS.admissionPassMark(31)).isEqualTo(21);
    }

    @Test
    @DisplayName("more than half of 9 standing-committee members is 5, of 10 it is 6")
    void moreThanHalfIsStrictlyMore() {
        assertThat(VotePolicy.DEFAULTS.majorityPassMark(9)).isEqualTo(5);
        assertThat(VotePolicy.DEFAULTS.majorityPassMark(10)).isEqualTo(6);
    }

    @Test
    @DisplayName("a configured three-quarters threshold needs 23 of 30")
    void aConfiguredThresholdIsApplied() {
        VotePolicy policy = new VotePolicy(VotePolicy.Share.parse("3/4"), VotePolicy.Share.parse(" 1 / 2 "));
        assertThat(policy.admissionPassMark(30)).isEqualTo(23);
        assertThat(policy.majority()).hasToString("1/2");
    }

    @Test
    @DisplayName("a share above one is not a threshold")
    void aShareAboveOneIsRefused() {
        assertThatThrownBy(() -> VotePolicy.Share.parse("4/3")).isInstanceOf(IllegalArgumentException.class);
    }
}
