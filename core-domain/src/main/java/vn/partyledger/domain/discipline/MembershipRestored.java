package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;

/** Party status was restored with party age continuous and the member enrolled back on the branch's roll (I26). */
@Revision("1")
public record MembershipRestored(String memberId,
                                 String homeOrgId,
                                 MemberStatus restoredStatus,
                                 boolean partyAgeContinuous,
                                 String decidedByOrgId,
                                 LocalDate effectiveDate) implements HomeBranchEvent {
}
