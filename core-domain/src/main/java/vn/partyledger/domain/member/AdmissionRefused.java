package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The competent committee refused the admission; the candidate's file is closed. */
@Revision("1")
public record AdmissionRefused(String memberId,
                               LocalDate decisionDate,
                               String decidedByOrgId,
                               String reason) {
}
