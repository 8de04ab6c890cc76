package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.lost-contact.v1}, from the domain's {@code MemberLostContact}.
 * Contract: docs/integration/member.lost-contact.v1.schema.json.
 */
public record MemberLostContactV1(String memberId,
                                  String homeOrgId,
                                  LocalDate from) {
}
