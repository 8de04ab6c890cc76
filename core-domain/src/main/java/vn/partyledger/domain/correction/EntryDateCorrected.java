package vn.partyledger.domain.correction;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;

import java.time.LocalDate;

/** The entry {@code correctedEventId} took effect on {@code correctedDate}, not on {@code recordedDate} (I30). */
@Revision("1")
public record EntryDateCorrected(String memberId,
                                 String correctedEventId,
                                 EntryType correctedEventType,
                                 String homeOrgId,
                                 LocalDate recordedDate,
                                 LocalDate correctedDate,
                                 CorrectionReason reason,
                                 String decidedByOrgId,
                                 LocalDate decidedOn) implements HomeBranchEvent {
}
