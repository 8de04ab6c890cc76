package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A recognition vote was held; {@code passed} ⇔ inFavour ≥ ⌈admission share (2/3, {@code VotePolicy}) × electorate⌉. */
@Revision("1")
public record RecognitionVoteRecorded(String memberId,
                                      VoteLevel level,
                                      LocalDate voteDate,
                                      int electorate,
                                      int inFavour,
                                      int against,
                                      boolean passed,
                                      int attemptNo) {
}
