package vn.partyledger.domain.correction;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;

/**
 * The entry {@code annulledEventId} never happened (I30). {@code homeOrgId} and {@code entryDate} say where and from
 * when its effect is undone; {@code restoredStatus} is the member's status before a death or strike-off, null for
 * entries that did not change it. The original event stays in the log.
 */
@Revision("1")
public record EntryAnnulled(String memberId,
                            String annulledEventId,
                            EntryType annulledEventType,
                            String homeOrgId,
                            LocalDate entryDate,
                            MemberStatus restoredStatus,
                            CorrectionReason reason,
                            String decidedByOrgId,
                            LocalDate decidedOn) implements HomeBranchEvent {
}
