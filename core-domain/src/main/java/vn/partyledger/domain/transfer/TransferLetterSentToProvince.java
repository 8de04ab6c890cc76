package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An official letter to a branch of another province was issued (ADR 0046): the member stays on this roll until that
 * province confirms the presentation. {@code presentBy} is the letter date plus 30 working days; {@code record} is
 * the member's transferable record as it stood on the letter's date; {@code lateRequest} is I16's flag.
 */
@Revision("2")
public record TransferLetterSentToProvince(String transferId,
                                           String memberId,
                                           String fromOrgId,
                                           String toProvince,
                                           String toOrgId,
                                           String issuedByOrgId,
                                           String letterNo,
                                           LocalDate letterDate,
                                           LocalDate presentBy,
                                           TransferTrigger trigger,
                                           LocalDate triggerDate,
                                           boolean lateRequest,
                                           TransferableRecord record) {
}
