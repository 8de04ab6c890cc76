package vn.partyledger.domain.roster;

import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.member.MemberStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * A branch's roll on a date. {@code headcount} is the official count (đảng số): probationary and full members whose
 * home is this branch, exempt members and members attached out to another branch included, members attached in from
 * another branch not (docs/rules.md#s8, #s9-2); {@code exemptCount} is how many of them are exempt, fully or
 * temporarily, reported separately.
 */
public record BranchRoster(String orgId,
                           String name,
                           String parentOrgId,
                           LocalDate asOf,
                           int headcount,
                           int exemptCount,
                           List<Entry> members) {

    /**
     * One member's line. The overlays (docs/rules.md#s19) are as of the roster's date: {@code exemption} is null when the
     * member is not exempt, {@code lostContactSince} null when the party organisation is in contact with the member,
     * {@code attachment} null when the member is not temporarily attached out of this branch or into it,
     * {@code inTransit} null unless the member holds a transfer letter not yet presented;
     * {@code cardNumber} is the party card the member held that day (null before the first), {@code position} the
     * member's post in this branch's leadership that day (null for none).
     */
    public record Entry(String memberId, String personId, MemberStatus status, LocalDate since,
                        LocalDate probationEndDate, LocalDate admissionDecisionDate, Exemption exemption,
                        boolean suspended, LocalDate lostContactSince, Attachment attachment, Transit inTransit,
                        String cardNumber, Position position) {

        /** A member of another branch meeting here on a temporary attachment: listed, but not on this roll. */
        public boolean attachedIn() {
            return attachment != null && attachment.direction() == Attachment.Direction.IN;
        }

        /** Whether the member counts in this branch's headcount: on its roll, not a guest from another branch. */
        public boolean counted() {
            return status.isOnRoll() && !attachedIn();
        }

        /**
         * Whether the member takes part in this branch's life that day: on its roll and neither attached elsewhere nor
         * in transit with a letter, or a guest attached in from another branch.
         */
        public boolean present() {
            return attachedIn() || counted() && attachment == null && inTransit == null;
        }
    }

    /** The present roster: how many take part in the branch's life that day, beside the headcount (docs/rules.md#s19). */
    public int presentCount() {
        return (int) members.stream().filter(Entry::present).count();
    }

    /** An exemption in force: {@code until} is the planned end of a temporary one, null for a full one. */
    public record Exemption(ExemptionKind kind, LocalDate from, LocalDate until) {
    }

    /**
     * A transfer letter issued on {@code since} to {@code toOrgId} and not yet presented: until it is, the member stays
     * on this roll and in its headcount, as IN_TRANSIT_COUNTED_AT's default (the sender) has it, but takes no part here.
     */
    public record Transit(String toOrgId, LocalDate since) {
    }

    /**
     * A temporary attachment in force since {@code since}: OUT of this branch to the host {@code branchId}, or IN to
     * this branch from the member's home {@code branchId}.
     */
    public record Attachment(Direction direction, String branchId, LocalDate since) {

        public enum Direction {
            OUT,
            IN
        }
    }
}
