package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The member's party activity was suspended: a discipline case is open. */
@Revision("1")
public record MemberSuspended(String memberId,
                              String decidedByOrgId,
                              LocalDate effectiveDate) {
}
