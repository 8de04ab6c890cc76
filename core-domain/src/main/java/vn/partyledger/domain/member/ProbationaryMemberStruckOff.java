package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The member was struck off the probationary list and left the branch's roll. */
@Revision("1")
public record ProbationaryMemberStruckOff(String memberId,
                                          String homeOrgId,
                                          LocalDate decisionDate,
                                          String decidedByOrgId,
                                          String reason) {
}
