package vn.partyledger.query.roster;

import org.bson.Document;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.Position;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One member's history in one branch, stored as its own small document ({@code _id} = branch id + "/" + member id),
 * so an event touches only this entry whatever the size of the branch. {@code periods} are the member's statuses
 * with their dates (the roster on any day is read from them); {@code memberSeq} is the last applied sequence number
 * of the member's events, which makes every change idempotent. Dates are ISO strings so people can read them.
 */
final class RosterEntry {

    private final Document document;

    private RosterEntry(Document document) {
        this.document = document;
    }

    static String id(String orgId, String memberId) {
        return orgId + "/" + memberId;
    }

    /**
     * The entries of every member who has been on the branch's roll: their ids run from the branch's id and "/" to
     * before its id and "0", the character after "/", a range the store reads from its index of ids (ADR 0061); the
     * branch is matched too, as an id of another branch may begin with this one's and "/".
     */
    static Document ofBranch(String orgId) {
        return new Document("_id", new Document("$gte", orgId + "/").append("$lt", orgId + "0"))
                .append("orgId", orgId);
    }

    static RosterEntry of(Document stored) {
        return new RosterEntry(stored);
    }

    static RosterEntry empty(String orgId, String memberId) {
        return new RosterEntry(new Document("_id", id(orgId, memberId)).append("orgId", orgId)
                .append("memberId", memberId).append("memberSeq", -1L).append("periods", new ArrayList<Document>()));
    }

    Document document() {
        return document;
    }

    boolean applied(long sequence) {
        return document.getLong("memberSeq") >= sequence;
    }

    String orgId() {
        return document.getString("orgId");
    }

    /** The member's details carried to the receiving branch when the member moves. */
    String personId() {
        return document.getString("personId");
    }

    LocalDate probationEndDate() {
        return date(document.getString("probationEndDate"));
    }

    LocalDate admissionDecisionDate() {
        return date(document.getString("admissionDecisionDate"));
    }

    MemberStatus lastStatus() {
        List<Document> periods = periods();
        return MemberStatus.valueOf(periods.get(periods.size() - 1).getString("status"));
    }

    /** The member is in this branch with {@code status} from {@code from} on. */
    void openPeriod(long sequence, String personId, MemberStatus status, LocalDate from,
                    LocalDate probationEndDate, LocalDate admissionDecisionDate) {
        changeStatus(sequence, status, from);
        document.append("personId", personId)
                .append("probationEndDate", probationEndDate == null ? null : probationEndDate.toString())
                .append("admissionDecisionDate",
                        admissionDecisionDate == null ? null : admissionDecisionDate.toString());
    }

    /**
     * The member's status changes from {@code from} on (e.g. recognised as a full member) — in this branch, no earlier
     * than the member's open period here began: a recognition effective before a merge brought the member here
     * changes their status here from the day they came.
     */
    void changeStatus(long sequence, MemberStatus status, LocalDate from) {
        LocalDate here = periods().stream().filter(period -> period.getString("to") == null)
                .map(period -> LocalDate.parse(period.getString("from")))
                .filter(from::isBefore).findFirst().orElse(from);
        closePeriod(sequence, here);
        periods().add(new Document("status", status.name()).append("from", here.toString()).append("to", null));
    }

    /** The member is no longer in this branch from {@code date} on (moved away, struck off). */
    void closePeriod(long sequence, LocalDate date) {
        periods().stream().filter(period -> period.getString("to") == null)
                .forEach(period -> period.append("to", date.toString()));
        document.append("memberSeq", sequence);
    }

    /** The exit that closed the period on {@code date} was annulled (I30): the period runs on, with no gap. */
    void reopenPeriodClosedOn(long sequence, LocalDate date) {
        periods().stream().filter(period -> date.toString().equals(period.getString("to")))
                .reduce((earlier, later) -> later)
                .ifPresent(period -> period.put("to", null));
        document.append("memberSeq", sequence);
    }

    /** The period recorded as closing on {@code recorded} closed on {@code corrected} (I30). */
    void correctClosingDate(long sequence, LocalDate recorded, LocalDate corrected) {
        periods().stream().filter(period -> recorded.toString().equals(period.getString("to")))
                .forEach(period -> period.put("to", corrected.toString()));
        document.append("memberSeq", sequence);
    }

    /** Party age counts from the corrected admission decision date (I30). */
    void correctAdmissionDecisionDate(long sequence, LocalDate corrected) {
        document.append("admissionDecisionDate", corrected.toString()).append("memberSeq", sequence);
    }

    String memberId() {
        return document.getString("memberId");
    }

    /**
     * The member's line on the roster of {@code rosterOrgId} at the end of {@code date}, if the member was in this
     * entry's branch that day, with what {@code overlays} lay over the member's status that day and the member's
     * {@code position} in the roster's branch. The roster is this
     * branch's, or the host's of a member of this branch attached to it, who reads it as attached in.
     */
    Optional<BranchRoster.Entry> on(LocalDate date, MemberOverlays overlays, String rosterOrgId, Position position) {
        return periods().stream()
                .filter(period -> covers(period, date))
                .findFirst()
                .map(period -> new BranchRoster.Entry(memberId(), personId(),
                        MemberStatus.valueOf(period.getString("status")), LocalDate.parse(period.getString("from")),
                        probationEndDate(), admissionDecisionDate(), overlays.exemptionOn(date).orElse(null),
                        overlays.suspendedOn(date), overlays.lostContactSinceOn(date).orElse(null),
                        overlays.attachmentOn(date).map(attachment -> seenFrom(rosterOrgId, attachment))
                                .orElse(null), overlays.inTransitOn(date).orElse(null),
                        overlays.cardOn(date).orElse(null), position));
    }

    private static BranchRoster.Attachment seenFrom(String rosterOrgId, MemberOverlays.AttachmentPeriod attachment) {
        return rosterOrgId.equals(attachment.hostOrgId())
                ? new BranchRoster.Attachment(BranchRoster.Attachment.Direction.IN, attachment.homeOrgId(),
                attachment.since())
                : new BranchRoster.Attachment(BranchRoster.Attachment.Direction.OUT, attachment.hostOrgId(),
                attachment.since());
    }

    private List<Document> periods() {
        return document.getList("periods", Document.class);
    }

    /** Every day on which the member's status in this branch changes, comes or goes. */
    Stream<LocalDate> changeDays() {
        return periods().stream().flatMap(RosterEntry::boundaries);
    }

    /** The days a period begins and, if it has, ends. */
    static Stream<LocalDate> boundaries(Document period) {
        return Stream.of(period.getString("from"), period.getString("to")).filter(Objects::nonNull)
                .map(LocalDate::parse);
    }

    /** Whether a period from {@code from} up to (not including) {@code to}, or open-ended, covers {@code date}. */
    static boolean covers(Document period, LocalDate date) {
        LocalDate from = LocalDate.parse(period.getString("from"));
        String to = period.getString("to");
        return !date.isBefore(from) && (to == null || date.isBefore(LocalDate.parse(to)));
    }

    static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
