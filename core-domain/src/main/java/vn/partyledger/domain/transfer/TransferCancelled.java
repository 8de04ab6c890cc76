package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record TransferCancelled(String transferId, String memberId, CancellationReason reason,
                                LocalDate cancelledOn) {
}
