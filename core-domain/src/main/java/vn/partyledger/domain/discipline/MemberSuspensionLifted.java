package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The suspension was lifted: the discipline case is closed. */
@Revision("1")
public record MemberSuspensionLifted(String memberId,
                                     String decidedByOrgId,
                                     LocalDate effectiveDate) {
}
