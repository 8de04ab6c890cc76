package vn.partyledger.domain.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records an official transfer letter another province issued to a branch of this one, with the member's
 * transferable record, as the inbound integration receives it (ADR 0045). {@code transferId} and {@code memberId}
 * are the sending province's ids, so both sides name the case alike; {@code sendingProvince} is its CloudEvents
 * source.
 */
public record RecordIncomingTransfer(@TargetAggregateIdentifier String transferId,
                                     String memberId,
                                     String sendingProvince,
                                     String fromOrgId,
                                     String toOrgId,
                                     String letterNo,
                                     LocalDate letterDate,
                                     LocalDate presentBy,
                                     TransferableRecord record) {
}
