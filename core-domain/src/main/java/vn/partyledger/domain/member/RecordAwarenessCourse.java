package vn.partyledger.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record the candidate's awareness-course certificate (docs/rules.md#s5-1 step 2). */
public record RecordAwarenessCourse(@TargetAggregateIdentifier String memberId,
                                    String certificateNo,
                                    String issuerOrgId,
                                    LocalDate issueDate) {
}
