package vn.partyledger.domain.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An erasure refused on a retention basis, with the record it rests on and, where the archive policy sets one, the
 * last day the data is kept ({@code keptUntil}; null: for good, or while the record is live).
 */
@Revision("1")
public record ErasureRefused(String personId, RetentionBasis basis, String memberId, LocalDate keptUntil,
                             LocalDate refusedOn) {
}
