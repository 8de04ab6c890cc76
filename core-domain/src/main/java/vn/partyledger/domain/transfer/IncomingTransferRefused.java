package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A letter from another province was refused here (ADR 0046); {@code sendingProvince} is told. */
@Revision("1")
public record IncomingTransferRefused(String transferId,
                                      String memberId,
                                      String sendingProvince,
                                      String toOrgId,
                                      RefusalReason reason,
                                      LocalDate refusedOn) {
}
