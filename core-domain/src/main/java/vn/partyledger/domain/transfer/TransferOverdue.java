package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The letter is still completable; a presentation from now on needs a reason (I18). */
@Revision("1")
public record TransferOverdue(String transferId, String memberId, LocalDate presentBy, LocalDate asOf,
                              long daysOverdue) {
}
