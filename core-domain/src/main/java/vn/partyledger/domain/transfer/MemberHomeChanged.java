package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An official transfer completed: from {@code effectiveDate} the member's home organisation is {@code toOrgId}. */
@Revision("1")
public record MemberHomeChanged(String memberId, String transferId, String fromOrgId, String toOrgId,
                                LocalDate effectiveDate) {
}
