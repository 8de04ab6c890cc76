package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Card {@code oldCardNumber} was exchanged for {@code newCardNumber} in {@code campaign}. */
@Revision("1")
public record PartyCardExchanged(String memberId,
                                 String oldCardNumber,
                                 String newCardNumber,
                                 String campaign,
                                 LocalDate exchangedOn,
                                 String issuedByOrgId) {
}
