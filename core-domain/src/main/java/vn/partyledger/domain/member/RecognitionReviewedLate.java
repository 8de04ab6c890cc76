package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The branch first considered the member's recognition on {@code reviewedOn}, after {@code reviewDeadline}: the
 * working days allowed after the probation ended on {@code probationEnd} (QĐ 24 §4.2.1). The vote is recorded all
 * the same, as on paper; this flag is the branch's accountability, like {@code lateDecision} on decisions (I7, I9).
 */
@Revision("1")
public record RecognitionReviewedLate(String memberId,
                                      String homeOrgId,
                                      LocalDate probationEnd,
                                      LocalDate reviewDeadline,
                                      LocalDate reviewedOn) implements HomeBranchEvent {
}
