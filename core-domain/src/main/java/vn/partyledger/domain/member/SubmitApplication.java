package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The candidate applies to join. {@code youthUnionAge} and {@code unitHasYouthUnion} decide which introducers the file
 * needs (I4); they are the facts the rule needs, not the candidate's birth date.
 */
public record SubmitApplication(@TargetAggregateIdentifier String memberId,
                                LocalDate applicationDate,
                                boolean readmission,
                                String biographyDocRef,
                                boolean youthUnionAge,
                                boolean unitHasYouthUnion) {
}
