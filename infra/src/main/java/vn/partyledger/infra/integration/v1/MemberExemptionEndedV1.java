package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.exemption-ended.v1}, from the domain's {@code ExemptionEnded}.
 * Contract: docs/integration/member.exemption-ended.v1.schema.json.
 */
public record MemberExemptionEndedV1(String memberId,
                                     String kind,
                                     String reason,
                                     LocalDate endedOn) {
}
