package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;

import java.time.LocalDate;

/** The member died; the record is closed to member commands from now on (I29). */
@Revision("1")
public record MemberDeceased(String memberId,
                             String homeOrgId,
                             LocalDate dateOfDeath) implements HomeBranchEvent {
}
