package vn.partyledger.infra.integration.v1;

import java.time.LocalDate;

/**
 * {@code vn.partyledger.member.disciplined.v1}, from the domain's {@code DisciplineImposed}.
 * Contract: docs/integration/member.disciplined.v1.schema.json.
 */
public record MemberDisciplinedV1(String memberId,
                                  String form,
                                  String homeOrgId,
                                  String decidedByOrgId,
                                  LocalDate effectiveDate) {
}
