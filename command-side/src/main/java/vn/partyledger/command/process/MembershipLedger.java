package vn.partyledger.command.process;

import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;

/**
 * Keeps each organisation's roll in step with its members (ADR 0004). A process that changes someone's standing or
 * home calls it in the same unit of work, so the member's event and the organisation's are appended together or not
 * at all.
 */
public interface MembershipLedger {

    void enrol(String orgId, String memberId, MemberStatus status, LocalDate effectiveDate);

    /** Takes a member off the organisation's roll: struck off, or their home moved elsewhere. */
    void release(String orgId, String memberId, LocalDate effectiveDate);
}
