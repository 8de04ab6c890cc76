package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record TransferLetterPresented(String transferId,
                                      String memberId,
                                      TransferType type,
                                      String receivingOrgId,
                                      LocalDate presentedDate,
                                      String lateReasonCode) {
}
