package vn.partyledger.domain.timeline;

import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's state at the end of {@code asOf}: null fields were not (or not yet) so on that date; {@code status} is
 * null before the member's first entry. {@code restsOn} lists the event ids of the entries the state was folded from,
 * corrections included, in stream order. {@code onRollOfProvince} names the province whose roll the member is on after
 * a letter to it was presented there (ADR 0050); {@code homeOrgId} is then the branch they left.
 */
public record MemberState(String memberId,
                          LocalDate asOf,
                          MemberStatus status,
                          String homeOrgId,
                          LocalDate admissionDecisionDate,
                          LocalDate fullMembershipDate,
                          Exemption exemption,
                          LocalDate suspendedSince,
                          LocalDate lostContactSince,
                          String onRollOfProvince,
                          List<String> restsOn) {

    /** An exemption in force: {@code until} is the planned end of a temporary one, null for a full one. */
    public record Exemption(ExemptionKind kind, LocalDate from, LocalDate until) {
    }
}
