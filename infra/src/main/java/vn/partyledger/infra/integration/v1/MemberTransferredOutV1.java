package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.transferred-out.v1}, from the domain's {@code TransferLetterIssued}.
 * Contract: docs/integration/member.transferred-out.v1.schema.json.
 */
public record MemberTransferredOutV1(String memberId,
                                     String transferId,
                                     String transferType,
                                     String fromOrgId,
                                     String toOrgId,
                                     LocalDate letterDate,
                                     LocalDate presentBy,
                                     LocalDate expectedReturn) {
}
