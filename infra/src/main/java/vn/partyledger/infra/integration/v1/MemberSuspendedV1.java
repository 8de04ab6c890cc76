package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.suspended.v1}, from the domain's {@code MemberSuspended}.
 * Contract: docs/integration/member.suspended.v1.schema.json.
 */
public record MemberSuspendedV1(String memberId,
                                String decidedByOrgId,
                                LocalDate effectiveDate) {
}
