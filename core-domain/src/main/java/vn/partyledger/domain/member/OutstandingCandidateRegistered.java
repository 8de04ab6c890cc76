package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * A person was registered as an outstanding candidate of the branch. The source can reveal religion
 * (RELIGIOUS_BELIEVER), so it is sealed with the person's key; revision 1 held it in plain (ADR 0023).
 */
@Revision("2")
public record OutstandingCandidateRegistered(String memberId,
                                             String personId,
                                             String branchId,
                                             Sensitive<CandidateSource> source,
                                             String mentorMemberId,
                                             LocalDate registeredOn) {
}
