package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.contact-restored.v1}, from the domain's {@code MemberContactRestored}.
 * Contract: docs/integration/member.contact-restored.v1.schema.json.
 */
public record MemberContactRestoredV1(String memberId,
                                      String homeOrgId,
                                      LocalDate lostFrom,
                                      LocalDate to) {
}
