package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The candidate applies to join. {@code youthUnionAge} and {@code unitHasYouthUnion} decide which introducers the file
 * needs (I4); they are the facts the rule needs, not the candidate's birth date. A re-admission states its
 * {@code readmissionGrounds} (I25); a first admission has {@link ReadmissionGrounds#NONE}.
 */
public record SubmitApplication(@TargetAggregateIdentifier String memberId,
                                LocalDate applicationDate,
                                boolean readmission,
                                String biographyDocRef,
                                boolean youthUnionAge,
                                boolean unitHasYouthUnion,
                                ReadmissionGrounds readmissionGrounds) {

    public SubmitApplication {
        readmissionGrounds = readmissionGrounds == null ? ReadmissionGrounds.NONE : readmissionGrounds;
    }

    /** An application stating no re-admission grounds. */
    public SubmitApplication(String memberId, LocalDate applicationDate, boolean readmission, String biographyDocRef,
                             boolean youthUnionAge, boolean unitHasYouthUnion) {
        this(memberId, applicationDate, readmission, biographyDocRef, youthUnionAge, unitHasYouthUnion,
                ReadmissionGrounds.NONE);
    }
}
