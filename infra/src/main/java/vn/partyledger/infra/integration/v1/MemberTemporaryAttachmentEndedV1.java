package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.temporary-attachment-ended.v1}, from the domain's {@code TemporaryAttachmentEnded}.
 * Contract: docs/integration/member.temporary-attachment-ended.v1.schema.json.
 */
public record MemberTemporaryAttachmentEndedV1(String memberId,
                                               String transferId,
                                               String hostOrgId,
                                               LocalDate returnDate) {
}
