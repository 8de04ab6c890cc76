package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An introducer was assigned to the candidate's file. */
@Revision("1")
public record IntroducerAssigned(String memberId,
                                 IntroducerType introducerType,
                                 String introducerMemberId,
                                 String resolutionRef,
                                 LocalDate knownSince,
                                 LocalDate assignedOn) {
}
