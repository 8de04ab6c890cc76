package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The background verification concluded; a BLOCKING conclusion stops the branch vote (I5). */
@Revision("1")
public record BackgroundVerificationCompleted(String memberId,
                                              List<VerificationSubject> subjects,
                                              VerificationConclusion conclusion,
                                              String verifyingOrgId,
                                              LocalDate concludedOn) {
}
