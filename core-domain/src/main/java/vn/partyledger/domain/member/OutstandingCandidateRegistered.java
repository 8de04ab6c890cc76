package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record OutstandingCandidateRegistered(String memberId,
                                             String personId,
                                             String branchId,
                                             CandidateSource source,
                                             String mentorMemberId,
                                             LocalDate registeredOn) {
}
