package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The grassroots committee voted; {@code passed} ⇔ inFavour ≥ ⌈2/3 × membersInOffice⌉ (I6). */
@Revision("1")
public record CommitteeAdmissionVoteRecorded(String memberId,
                                             String committeeOrgId,
                                             LocalDate voteDate,
                                             int membersInOffice,
                                             int inFavour,
                                             boolean passed) {
}
