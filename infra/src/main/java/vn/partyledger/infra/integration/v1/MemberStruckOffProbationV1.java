package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.struck-off-probation.v1}, from the domain's {@code ProbationaryMemberStruckOff}.
 * Contract: docs/integration/member.struck-off-probation.v1.schema.json.
 */
public record MemberStruckOffProbationV1(String memberId,
                                         String homeOrgId,
                                         LocalDate decisionDate,
                                         String decidedByOrgId) {
}
