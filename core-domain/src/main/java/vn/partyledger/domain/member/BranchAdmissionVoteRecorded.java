package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The branch voted on the admission; {@code passed} ⇔ inFavour ≥ ⌈2/3 × fullMembersOnRoll⌉ (I5). */
@Revision("1")
public record BranchAdmissionVoteRecorded(String memberId,
                                          String meetingId,
                                          LocalDate voteDate,
                                          int fullMembersOnRoll,
                                          int inFavour,
                                          int against,
                                          boolean passed) {
}
