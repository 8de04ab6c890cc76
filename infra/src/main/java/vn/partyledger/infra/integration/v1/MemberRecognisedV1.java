package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.recognised.v1}, from the domain's {@code FullMembershipRecognized}.
 * Contract: docs/integration/member.recognised.v1.schema.json.
 */
public record MemberRecognisedV1(String memberId,
                                 String homeOrgId,
                                 LocalDate decisionDate,
                                 LocalDate effectiveDate,
                                 String decidedByOrgId) {
}
