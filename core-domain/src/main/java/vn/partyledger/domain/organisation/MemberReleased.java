package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A member left this organisation's roll from {@code effectiveDate} (collective transfer, transfer, exit), recorded in
 * the same append as the member's own event so the roll never lists someone who has gone.
 */
@Revision("1")
public record MemberReleased(String orgId, String memberId, LocalDate effectiveDate) {
}
