package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * The application and biography were filed: {@code applicationDate} starts the file's 12-month freshness
 * (FILE_STALE_MONTHS). Revision 2 added {@code readmissionGrounds} (I25). They can reveal a conviction, so revision 3
 * seals them with the person's key, and null stands for none stated (ADR 0014, ADR 0023).
 */
@Revision("3")
public record ApplicationSubmitted(String memberId,
                                   LocalDate applicationDate,
                                   boolean readmission,
                                   String biographyDocRef,
                                   boolean youthUnionAge,
                                   boolean unitHasYouthUnion,
                                   Sensitive<ReadmissionGrounds> readmissionGrounds) {

    /** An application that is not a re-admission: it states no grounds. */
    public ApplicationSubmitted(String memberId, LocalDate applicationDate, boolean readmission,
                                String biographyDocRef, boolean youthUnionAge, boolean unitHasYouthUnion) {
        this(memberId, applicationDate, readmission, biographyDocRef, youthUnionAge, unitHasYouthUnion, null);
    }
}
