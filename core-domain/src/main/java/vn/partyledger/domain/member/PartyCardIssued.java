package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The member holds card {@code cardNumber} from {@code issuedOn}; the issuing decision is in metadata. */
@Revision("1")
public record PartyCardIssued(String memberId,
                              String cardNumber,
                              LocalDate issuedOn,
                              String issuedByOrgId,
                              String handedOverMeetingId) {
}
