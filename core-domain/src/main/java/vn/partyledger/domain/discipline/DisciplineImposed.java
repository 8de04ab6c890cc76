package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.member.ViolationCategory;

import java.time.LocalDate;

/**
 * A discipline decision took effect; an expulsion also ended the membership and took the member off the roll.
 * Revision 2 added {@code violationCategory}; revision-1 events are read as {@link ViolationCategory#NOT_RECORDED}
 * (ADR 0014). The category can reveal a conviction, so revision 3 seals it with the person's key (ADR 0023).
 */
@Revision("3")
public record DisciplineImposed(String memberId,
                                DisciplineForm form,
                                String homeOrgId,
                                String decidedByOrgId,
                                LocalDate effectiveDate,
                                Sensitive<ViolationCategory> violationCategory) implements HomeBranchEvent {
}
