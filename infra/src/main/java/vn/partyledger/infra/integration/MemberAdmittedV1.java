package vn.partyledger.infra.integration;

import java.time.LocalDate;

/**
 * Integration event {@code vn.partyledger.member.admitted.v1} (docs/integration/member-events.v1.md). Field names
 * are part of the published contract: change them only in a v2.
 */
public record MemberAdmittedV1(String memberId,
                               String personId,
                               String homeOrgId,
                               LocalDate ceremonyDate,
                               LocalDate probationEndDate,
                               LocalDate admissionDecisionDate,
                               String ruleSet) {

    public static final String TYPE = "vn.partyledger.member.admitted.v1";
}
