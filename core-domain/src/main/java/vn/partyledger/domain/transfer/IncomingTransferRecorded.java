package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A letter from another province is on record here: the member is expected at {@code toOrgId} by {@code presentBy}
 * (ADR 0045). The member is not on this province's roll until the letter is presented.
 */
@Revision("2")
public record IncomingTransferRecorded(String transferId,
                                       String memberId,
                                       String sendingProvince,
                                       String fromOrgId,
                                       String toOrgId,
                                       String letterNo,
                                       LocalDate letterDate,
                                       LocalDate presentBy,
                                       TransferableRecord record) {
}
