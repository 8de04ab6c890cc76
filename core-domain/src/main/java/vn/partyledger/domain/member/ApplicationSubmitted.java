package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The application and biography were filed: {@code applicationDate} starts the file's 12-month freshness
 * (FILE_STALE_MONTHS).
 */
@Revision("1")
public record ApplicationSubmitted(String memberId,
                                   LocalDate applicationDate,
                                   boolean readmission,
                                   String biographyDocRef,
                                   boolean youthUnionAge,
                                   boolean unitHasYouthUnion) {
}
