package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.suspension-lifted.v1}, from the domain's {@code MemberSuspensionLifted}.
 * Contract: docs/integration/member.suspension-lifted.v1.schema.json.
 */
public record MemberSuspensionLiftedV1(String memberId,
                                       String decidedByOrgId,
                                       LocalDate effectiveDate) {
}
