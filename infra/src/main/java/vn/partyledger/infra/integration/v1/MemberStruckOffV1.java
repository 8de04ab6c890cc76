package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.struck-off.v1}, from the domain's {@code MemberStruckOff}.
 * Contract: docs/integration/member.struck-off.v1.schema.json.
 */
public record MemberStruckOffV1(String memberId,
                                String homeOrgId,
                                String ground,
                                String decidedByOrgId,
                                LocalDate effectiveDate) {
}
