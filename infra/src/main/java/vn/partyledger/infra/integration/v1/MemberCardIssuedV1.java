package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.card-issued.v1}, from the domain's {@code PartyCardIssued}.
 * Contract: docs/integration/member.card-issued.v1.schema.json.
 */
public record MemberCardIssuedV1(String memberId,
                                 String cardNumber,
                                 LocalDate issuedOn,
                                 String issuedByOrgId) {
}
