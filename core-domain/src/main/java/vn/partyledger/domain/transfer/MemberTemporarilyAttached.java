package vn.partyledger.domain.transfer;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;

import java.time.LocalDate;

/** The member meets with {@code hostOrgId} but keeps the home; the host does not count them in its headcount. */
@Revision("1")
public record MemberTemporarilyAttached(String memberId, String transferId, String homeOrgId, String hostOrgId,
                                        LocalDate from, LocalDate expectedReturn) implements HomeBranchEvent {
}
