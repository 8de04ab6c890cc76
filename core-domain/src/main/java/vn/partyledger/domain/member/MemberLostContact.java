package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** From {@code from} the member has no contact with the party organisation: a party-age gap opens (§7.1). */
@Revision("1")
public record MemberLostContact(String memberId, String homeOrgId, LocalDate from, String recordedByOrgId) implements HomeBranchEvent {
}
