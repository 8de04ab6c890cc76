package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member left this organisation's roll (struck off the probationary list), in the same append as the member's event. */
@Revision("1")
public record MemberReleased(String orgId, String memberId, LocalDate effectiveDate) {
}
