package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;

import java.time.LocalDate;

/** The member was struck off (or, on the VOLUNTARY_EXIT ground, left voluntarily) and left the branch's roll. */
@Revision("1")
public record MemberStruckOff(String memberId,
                              String homeOrgId,
                              StrikeOffGround ground,
                              String decidedByOrgId,
                              LocalDate effectiveDate) implements HomeBranchEvent {
}
