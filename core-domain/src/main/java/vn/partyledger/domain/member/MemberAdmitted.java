package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The ceremony was held: probation runs from {@code ceremonyDate} to {@code probationEndDate}. {@code readmission}
 * says the person was a member before (QĐ 294 §3.5, docs/rules.md#s17-9); {@code firstAdmissionDecisionDate} is the first
 * admission decision on the record, from which party age counts (§7.1) — this admission's own for a first admission.
 * Revision 2 added both; revision-1 events are read as first admissions (ADR 0014).
 */
@Revision("2")
public record MemberAdmitted(String memberId,
                             String personId,
                             String homeOrgId,
                             LocalDate ceremonyDate,
                             LocalDate probationEndDate,
                             LocalDate admissionDecisionDate,
                             boolean ceremonyLateWithConsent,
                             boolean readmission,
                             LocalDate firstAdmissionDecisionDate) implements HomeBranchEvent {

    /** A first admission: party age counts from this admission's decision. */
    public MemberAdmitted(String memberId, String personId, String homeOrgId, LocalDate ceremonyDate,
                          LocalDate probationEndDate, LocalDate admissionDecisionDate,
                          boolean ceremonyLateWithConsent) {
        this(memberId, personId, homeOrgId, ceremonyDate, probationEndDate, admissionDecisionDate,
                ceremonyLateWithConsent, false, admissionDecisionDate);
    }
}
