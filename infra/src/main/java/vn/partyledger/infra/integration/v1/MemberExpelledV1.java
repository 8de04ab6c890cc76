package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.expelled.v1}, from the domain's {@code DisciplineImposed}.
 * Contract: docs/integration/member.expelled.v1.schema.json.
 */
public record MemberExpelledV1(String memberId,
                               String homeOrgId,
                               String decidedByOrgId,
                               LocalDate effectiveDate) {
}
