package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * The member was struck off the probationary list and left the branch's roll. The reason is free text, so it is
 * sealed with the person's key; revision 1 held it in plain (ADR 0023).
 */
@Revision("2")
public record ProbationaryMemberStruckOff(String memberId,
                                          String homeOrgId,
                                          LocalDate decisionDate,
                                          String decidedByOrgId,
                                          Sensitive<String> reason) implements HomeBranchEvent {
}
