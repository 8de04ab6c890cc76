package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The candidate holds an awareness-course certificate, valid for a policy number of months from {@code issueDate}. */
@Revision("1")
public record AwarenessCourseCompleted(String memberId,
                                       String certificateNo,
                                       String issuerOrgId,
                                       LocalDate issueDate) {
}
