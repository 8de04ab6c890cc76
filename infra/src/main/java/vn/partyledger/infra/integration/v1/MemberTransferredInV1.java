package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.transferred-in.v1}, from the domain's {@code TransferLetterPresented}.
 * Contract: docs/integration/member.transferred-in.v1.schema.json.
 */
public record MemberTransferredInV1(String memberId,
                                    String transferId,
                                    String transferType,
                                    String receivingOrgId,
                                    LocalDate presentedDate) {
}
