package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The receiving province refused the letter (ADR 0046): the case is closed and the member, who never left this
 * roll, is no longer in transit.
 */
@Revision("1")
public record TransferRefusedByProvince(String transferId,
                                        String memberId,
                                        String refusingProvince,
                                        RefusalReason reason,
                                        LocalDate refusedOn) {
}
