package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.deceased.v1}, from the domain's {@code MemberDeceased}.
 * Contract: docs/integration/member.deceased.v1.schema.json.
 */
public record MemberDeceasedV1(String memberId,
                               String homeOrgId,
                               LocalDate dateOfDeath) {
}
