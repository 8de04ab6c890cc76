package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.exempted.v1}, from the domain's {@code ExemptionGranted}.
 * Contract: docs/integration/member.exempted.v1.schema.json.
 */
public record MemberExemptedV1(String memberId,
                               String kind,
                               LocalDate from,
                               LocalDate until,
                               String decidedByOrgId) {
}
