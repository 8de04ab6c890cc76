package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The province the letter was sent to confirmed its presentation (ADR 0050): the case is completed, and the member
 * left the sending branch's roll on {@code presentedOn}.
 */
@Revision("1")
public record TransferPresentedInProvince(String transferId,
                                          String memberId,
                                          String fromOrgId,
                                          String toProvince,
                                          String toOrgId,
                                          LocalDate presentedOn) {
}
