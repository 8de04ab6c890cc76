package vn.partyledger.command.organisation;

import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;

/**
 * Keeps each organisation's roll in step with its members. A member command that changes someone's home calls it
 * while it is handled, so the member's event and the organisation's are appended together or not at all.
 */
public interface MembershipLedger {

    void enrol(String orgId, String memberId, MemberStatus status, LocalDate effectiveDate);

    /** Takes a member off the organisation's roll: struck off, or their home moved elsewhere. */
    void release(String orgId, String memberId, LocalDate effectiveDate);
}
