package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.left-voluntarily.v1}, from the domain's {@code MemberStruckOff}.
 * Contract: docs/integration/member.left-voluntarily.v1.schema.json.
 */
public record MemberLeftVoluntarilyV1(String memberId,
                                      String homeOrgId,
                                      String decidedByOrgId,
                                      LocalDate effectiveDate) {
}
