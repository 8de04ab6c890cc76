package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * The member asked in writing to leave the Party; the exit itself goes through a strike-off on the VOLUNTARY_EXIT
 * ground. The member's reason is free text, so it is sealed with the person's key; revision 1 held it in plain
 * (ADR 0023).
 */
@Revision("2")
public record VoluntaryExitRequested(String memberId,
                                     Sensitive<String> reasonCode,
                                     LocalDate requestedOn) {
}
