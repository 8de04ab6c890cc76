package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.transfer-cancelled.v1}, from the domain's {@code TransferCancelled}.
 * Contract: docs/integration/member.transfer-cancelled.v1.schema.json.
 */
public record MemberTransferCancelledV1(String memberId,
                                        String transferId,
                                        String reason,
                                        LocalDate cancelledOn) {
}
