package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The lost card {@code oldCardNumber} is replaced by {@code newCardNumber} from {@code reissuedOn}. */
@Revision("1")
public record PartyCardReissued(String memberId,
                                String oldCardNumber,
                                String newCardNumber,
                                LocalDate reissuedOn,
                                String issuedByOrgId) {
}
