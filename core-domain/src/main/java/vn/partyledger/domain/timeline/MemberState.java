package vn.partyledger.domain.timeline;

import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's state at the end of {@code asOf}: null fields were not (or not yet) so on that date; {@code status} is
 * null before the member's first entry. {@code restsOn} lists the event ids of the entries the state was folded from,
 * corrections included, in stream order.
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
                          List<String> restsOn) {

    /** An exemption in force: {@code until} is the planned end of a temporary one, null for a full one. */
    public record Exemption(ExemptionKind kind, LocalDate from, LocalDate until) {
    }
}
