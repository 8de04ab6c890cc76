package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.joined-from-province.v1}: a member presented a letter from another province and is on
 * a branch's roll here (ADR 0050). Contract: docs/integration/member.joined-from-province.v1.schema.json.
 */
public record MemberJoinedFromProvinceV1(String memberId, String transferId, String fromProvince, String homeOrgId,
                                         String status, LocalDate joinedOn) {
}
