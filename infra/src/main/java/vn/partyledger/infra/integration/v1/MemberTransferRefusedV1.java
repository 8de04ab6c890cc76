package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.transfer-refused.v1}: the receiving province refused a letter another province sent
 * it; received on the inbound topic by the sending province (ADR 0046).
 * Contract: docs/integration/member.transfer-refused.v1.schema.json.
 */
public record MemberTransferRefusedV1(String memberId, String transferId, String reason, LocalDate refusedOn) {
}
