package vn.partyledger.infra.integration;

import java.time.LocalDate;

/**
 * Integration event {@code vn.partyledger.member.admitted.v1} (docs/integration/member-events.v1.md). Field names
 * are part of the published contract: change them only in a v2. {@code readmission} and
 * {@code firstAdmissionDecisionDate} were added within v1 as optional fields; messages published before lack them.
 */
public record MemberAdmittedV1(String memberId,
                               String personId,
                               String homeOrgId,
                               LocalDate ceremonyDate,
                               LocalDate probationEndDate,
                               LocalDate admissionDecisionDate,
                               String ruleSet,
                               boolean readmission,
                               LocalDate firstAdmissionDecisionDate) {

    public static final String TYPE = "vn.partyledger.member.admitted.v1";
}
