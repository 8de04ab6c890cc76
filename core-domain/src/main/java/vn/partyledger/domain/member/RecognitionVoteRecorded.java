package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A recognition vote was held; {@code passed} ⇔ inFavour ≥ ⌈admission share (2/3, {@code VotePolicy}) × electorate⌉.
 * {@code committeeOrgId} names the committee that voted, null for a branch vote. Revision 2 added it; revision-1
 * committee votes are read with null, the committee not recorded then (ADR 0015).
 */
@Revision("2")
public record RecognitionVoteRecorded(String memberId,
                                      VoteLevel level,
                                      String committeeOrgId,
                                      LocalDate voteDate,
                                      int electorate,
                                      int inFavour,
                                      int against,
                                      boolean passed,
                                      int attemptNo) {
}
