package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** {@code presentBy} is the letter date plus 30 working days (I16); {@code lateRequest} is I16's LATE_TRANSFER_REQUEST. */
@Revision("1")
public record TransferLetterIssued(String transferId,
                                   String memberId,
                                   TransferType type,
                                   String fromOrgId,
                                   String toOrgId,
                                   String issuedByOrgId,
                                   String letterNo,
                                   LocalDate letterDate,
                                   LocalDate presentBy,
                                   TransferTrigger trigger,
                                   LocalDate triggerDate,
                                   LocalDate expectedReturn,
                                   boolean lateRequest) {
}
