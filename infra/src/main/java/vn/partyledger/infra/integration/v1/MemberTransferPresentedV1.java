package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.transfer-presented.v1}: the member presented a letter another province sent and is on
 * the receiving branch's roll; received on the inbound topic by the sending province, whose case closes (ADR 0050).
 * Contract: docs/integration/member.transfer-presented.v1.schema.json.
 */
public record MemberTransferPresentedV1(String memberId, String transferId, String toOrgId, LocalDate presentedOn) {
}
