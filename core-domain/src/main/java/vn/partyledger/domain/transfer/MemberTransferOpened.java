package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * On the member's own stream: a transfer case is open for them, so no other may be (I16). Appended with the case's
 * {@link TransferLetterIssued}, in the same unit of work.
 */
@Revision("1")
public record MemberTransferOpened(String memberId, String transferId, TransferType type, String fromOrgId,
                                   String toOrgId, LocalDate letterDate) {
}
