package vn.partyledger.command.support;

import vn.partyledger.command.process.MembershipLedger;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The ledger as Member fixture tests need it: it records what the member asked of its organisation. */
public final class RecordingMembershipLedger implements MembershipLedger {

    public record Enrolment(String orgId, String memberId, MemberStatus status, LocalDate effectiveDate) {
    }

    public record Release(String orgId, String memberId, LocalDate effectiveDate) {
    }

    private final List<Enrolment> enrolments = new ArrayList<>();
    private final List<Release> releases = new ArrayList<>();

    @Override
    public void enrol(String orgId, String memberId, MemberStatus status, LocalDate effectiveDate) {
        enrolments.add(new Enrolment(orgId, memberId, status, effectiveDate));
    }

    @Override
    public void release(String orgId, String memberId, LocalDate effectiveDate) {
        releases.add(new Release(orgId, memberId, effectiveDate));
    }

    public List<Enrolment> enrolments() {
        return List.copyOf(enrolments);
    }

    public List<Release> releases() {
        return List.copyOf(releases);
    }
}
