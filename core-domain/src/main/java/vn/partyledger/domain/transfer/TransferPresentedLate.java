package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * On the member's own stream: the letter due by {@code presentBy} was presented on {@code presentedDate}, later. The
 * days in between are a transfer gap in party age (docs/rules.md#s7-1, ADR 0017). Appended with the case's
 * {@link TransferLetterPresented}, in the same unit of work.
 */
@Revision("1")
public record TransferPresentedLate(String memberId, String transferId, LocalDate presentBy,
                                    LocalDate presentedDate) {
}
