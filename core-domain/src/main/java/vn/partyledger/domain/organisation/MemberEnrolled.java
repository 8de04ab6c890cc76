package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;

/**
 * A member joined this organisation's roll (admission, transfer, collective transfer). Recorded on the organisation in
 * the same append as the member's own event, so the organisation always knows exactly who is on its roll.
 */
@Revision("1")
public record MemberEnrolled(String orgId, String memberId, MemberStatus status, LocalDate effectiveDate) {
}
