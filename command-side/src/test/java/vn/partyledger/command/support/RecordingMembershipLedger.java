package vn.partyledger.command.support;

import vn.partyledger.command.organisation.MembershipLedger;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The ledger as Member fixture tests need it: it records what the member asked of its organisation. */
public final class RecordingMembershipLedger implements MembershipLedger {

    public record Enrolment(String orgId, String memberId, MemberStatus status, LocalDate effectiveDate) {
    }

    private final List<Enrolment> enrolments = new ArrayList<>();

    @Override
    public void enrol(String orgId, String memberId, MemberStatus status, LocalDate effectiveDate) {
        enrolments.add(new Enrolment(orgId, memberId, status, effectiveDate));
    }

    public List<Enrolment> enrolments() {
        return List.copyOf(enrolments);
    }
}
