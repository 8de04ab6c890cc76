package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The application and biography were filed: {@code applicationDate} starts the file's 12-month freshness
 * (FILE_STALE_MONTHS). Revision 2 added {@code readmissionGrounds} (I25); revision-1 events are read with
 * {@link ReadmissionGrounds#NONE} (ADR 0014).
 */
@Revision("2")
public record ApplicationSubmitted(String memberId,
                                   LocalDate applicationDate,
                                   boolean readmission,
                                   String biographyDocRef,
                                   boolean youthUnionAge,
                                   boolean unitHasYouthUnion,
                                   ReadmissionGrounds readmissionGrounds) {

    public ApplicationSubmitted {
        readmissionGrounds = readmissionGrounds == null ? ReadmissionGrounds.NONE : readmissionGrounds;
    }

    /** An application stating no re-admission grounds. */
    public ApplicationSubmitted(String memberId, LocalDate applicationDate, boolean readmission,
                                String biographyDocRef, boolean youthUnionAge, boolean unitHasYouthUnion) {
        this(memberId, applicationDate, readmission, biographyDocRef, youthUnionAge, unitHasYouthUnion,
                ReadmissionGrounds.NONE);
    }
}
