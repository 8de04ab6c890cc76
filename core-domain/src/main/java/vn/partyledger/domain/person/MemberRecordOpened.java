package vn.partyledger.domain.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member record was opened for the person, with the candidacy registered on {@code openedOn} (I3). */
@Revision("1")
public record MemberRecordOpened(String personId, String memberId, LocalDate openedOn) {
}
