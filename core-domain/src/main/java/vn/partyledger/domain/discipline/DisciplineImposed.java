package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.ViolationCategory;

import java.time.LocalDate;

/**
 * A discipline decision took effect; an expulsion also ended the membership and took the member off the roll.
 * Revision 2 added {@code violationCategory}; revision-1 events are read as {@link ViolationCategory#NOT_RECORDED}
 * (ADR 0014).
 */
@Revision("2")
public record DisciplineImposed(String memberId,
                                DisciplineForm form,
                                String homeOrgId,
                                String decidedByOrgId,
                                LocalDate effectiveDate,
                                ViolationCategory violationCategory) {

    /** A decision whose category was not recorded. */
    public DisciplineImposed(String memberId, DisciplineForm form, String homeOrgId, String decidedByOrgId,
                             LocalDate effectiveDate) {
        this(memberId, form, homeOrgId, decidedByOrgId, effectiveDate, ViolationCategory.NOT_RECORDED);
    }
}
