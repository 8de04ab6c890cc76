package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The new letter runs its own 30 working days from its own date. */
@Revision("1")
public record TransferLetterReissued(String transferId, String memberId, String previousLetterNo, String letterNo,
                                     LocalDate letterDate, LocalDate presentBy) {
}
