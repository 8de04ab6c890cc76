package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The member asked in writing to leave the Party; the exit itself goes through a strike-off on the VOLUNTARY_EXIT
 * ground.
 */
@Revision("1")
public record VoluntaryExitRequested(String memberId,
                                     String reasonCode,
                                     LocalDate requestedOn) {
}
