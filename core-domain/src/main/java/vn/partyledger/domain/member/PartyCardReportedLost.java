package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Card {@code cardNumber} is no longer valid from {@code reportedOn}; the committee considers a reissue. */
@Revision("1")
public record PartyCardReportedLost(String memberId, String cardNumber, LocalDate reportedOn) {
}
