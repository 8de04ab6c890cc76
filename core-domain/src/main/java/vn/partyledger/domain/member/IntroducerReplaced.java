package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A full member replaced an introducer who could not continue. */
@Revision("1")
public record IntroducerReplaced(String memberId,
                                 String oldIntroducerId,
                                 String newIntroducerId,
                                 IntroducerReplacementReason reason,
                                 LocalDate replacedOn) {
}
