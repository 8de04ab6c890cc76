package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.badge-awarded.v1}, from the domain's {@code PartyBadgeAwarded}.
 * Contract: docs/integration/member.badge-awarded.v1.schema.json.
 */
public record MemberBadgeAwardedV1(String memberId,
                                   int level,
                                   String badgeNumber,
                                   LocalDate occasionDate,
                                   boolean posthumous,
                                   String decidedByOrgId) {
}
