package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The pending appeal was resolved: upheld, reduced or annulled. */
@Revision("1")
public record AppealResolved(String memberId,
                             AppealSubject subject,
                             AppealOutcome outcome,
                             String decidedByOrgId,
                             LocalDate resolvedOn) {
}
