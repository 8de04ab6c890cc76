package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.restored.v1}, from the domain's {@code MembershipRestored}.
 * Contract: docs/integration/member.restored.v1.schema.json.
 */
public record MemberRestoredV1(String memberId,
                               String homeOrgId,
                               String restoredStatus,
                               boolean partyAgeContinuous,
                               String decidedByOrgId,
                               LocalDate effectiveDate) {
}
