package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.left-for-province.v1}: a letter to another province was presented there, and the
 * member left this province's roll (ADR 0050). Contract: docs/integration/member.left-for-province.v1.schema.json.
 */
public record MemberLeftForProvinceV1(String memberId, String transferId, String fromOrgId, String toProvince,
                                      String toOrgId, LocalDate leftOn) {
}
