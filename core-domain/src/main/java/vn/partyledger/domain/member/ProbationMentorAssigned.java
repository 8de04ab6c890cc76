package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A full member helps the probationary member through probation. */
@Revision("1")
public record ProbationMentorAssigned(String memberId,
                                      String mentorMemberId,
                                      LocalDate assignedOn) {
}
