package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The ceremony was held: probation runs from {@code ceremonyDate} to {@code probationEndDate}. */
@Revision("1")
public record MemberAdmitted(String memberId,
                             String personId,
                             String homeOrgId,
                             LocalDate ceremonyDate,
                             LocalDate probationEndDate,
                             LocalDate admissionDecisionDate,
                             boolean ceremonyLateWithConsent) {
}
