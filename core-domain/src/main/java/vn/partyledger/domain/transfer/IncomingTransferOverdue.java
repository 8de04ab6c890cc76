package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A letter from another province was not presented here by its present-by day (ADR 0046). */
@Revision("1")
public record IncomingTransferOverdue(String transferId,
                                      String memberId,
                                      String toOrgId,
                                      LocalDate presentBy,
                                      LocalDate asOf) {
}
