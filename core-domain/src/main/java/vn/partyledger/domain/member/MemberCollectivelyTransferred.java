package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The member's home moved from {@code fromOrgId} to {@code toOrgId} by an organisation's merge or split (docs/rules.md
 * §9.3): one decision for many members, no letter, no deadline and no gap in party age.
 */
@Revision("1")
public record MemberCollectivelyTransferred(String memberId, String fromOrgId, String toOrgId,
                                            LocalDate effectiveDate) {
}
