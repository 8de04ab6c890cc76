package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Contact lost on {@code lostFrom} is restored on {@code to}: the party-age gap is [lostFrom, to). */
@Revision("1")
public record MemberContactRestored(String memberId, String homeOrgId, LocalDate lostFrom, LocalDate to,
                                    String recordedByOrgId) implements HomeBranchEvent {
}
