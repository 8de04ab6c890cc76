package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.admitted.v1}, from the domain's {@code MemberAdmitted}.
 * Contract: docs/integration/member.admitted.v1.schema.json.
 */
public record MemberAdmittedV1(String memberId,
                               String personId,
                               String homeOrgId,
                               LocalDate ceremonyDate,
                               LocalDate probationEndDate,
                               LocalDate admissionDecisionDate,
                               String ruleSet) {
}
