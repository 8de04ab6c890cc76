package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.collectively-transferred.v1}, from the domain's {@code MemberCollectivelyTransferred}.
 * Contract: docs/integration/member.collectively-transferred.v1.schema.json.
 */
public record MemberCollectivelyTransferredV1(String memberId,
                                              String fromOrgId,
                                              String toOrgId,
                                              LocalDate effectiveDate) {
}
