package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A discipline decision took effect; an expulsion also ended the membership and took the member off the roll. */
@Revision("1")
public record DisciplineImposed(String memberId,
                                DisciplineForm form,
                                String homeOrgId,
                                String decidedByOrgId,
                                LocalDate effectiveDate) {
}
