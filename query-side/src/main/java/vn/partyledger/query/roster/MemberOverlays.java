package vn.partyledger.query.roster;

import org.bson.Document;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.roster.BranchRoster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What is laid over one member's status on the roster, whatever the branch (docs/rules.md#s19): exemptions, suspensions,
 * lost contact and temporary attachments, each a list of periods with their dates. Stored as its own document keyed by the member id
 * ({@code _id} = member id), because these events do not name the member's branch and a member who moves keeps them:
 * the roster of any branch on any date reads the periods covering that date. {@code memberSeq} is the last applied
 * sequence number of the member's events, which makes every change idempotent. The document also lists the branches
 * whose roll the member has been on, so that a change here tells which branches' kept counts it makes stale (ADR 0055).
 */
final class MemberOverlays {

    private static final String EXEMPTIONS = "exemptions";
    private static final String SUSPENSIONS = "suspensions";
    private static final String CONTACT_LOST = "contactLost";
    private static final String ATTACHMENTS = "attachments";
    private static final String CARDS = "cards";
    private static final String IN_TRANSIT = "inTransit";
    /** The branches whose roll the member has been on; absent from a document stored before they were kept. */
    private static final String ROLLS = "rolls";
    private static final List<String> PERIODS = List.of(EXEMPTIONS, SUSPENSIONS, CONTACT_LOST, ATTACHMENTS, CARDS,
            IN_TRANSIT);

    /** A temporary attachment in force: the member of {@code homeOrgId} meets with {@code hostOrgId} since then. */
    record AttachmentPeriod(String homeOrgId, String hostOrgId, LocalDate since) {
    }

    private final Document document;

    private MemberOverlays(Document document) {
        this.document = document;
    }

    static MemberOverlays of(Document stored) {
        return new MemberOverlays(stored);
    }

    /** A member's first document; it knows no roll until the member enters one. */
    static MemberOverlays empty(String memberId) {
        return new MemberOverlays(new Document("_id", memberId).append("memberSeq", -1L)
                .append(EXEMPTIONS, new ArrayList<Document>()).append(SUSPENSIONS, new ArrayList<Document>())
                .append(CONTACT_LOST, new ArrayList<Document>()).append(ATTACHMENTS, new ArrayList<Document>()));
    }

    /**
     * Whether the document knows the rolls the member has been on: one stored before they were kept does not, nor one
     * first written by an event handled before the member's entry on a roll.
     */
    boolean knowsRolls() {
        return document.containsKey(ROLLS);
    }

    /**
     * Records that the member is on the roll of {@code orgId}; whether that is new. Not a sequenced change: a roll
     * once entered stays among the member's rolls, whatever happens after.
     */
    boolean enterRoll(String orgId) {
        List<String> rolls = document.getList(ROLLS, String.class);
        if (rolls == null) {
            rolls = new ArrayList<>();
            document.append(ROLLS, rolls);
        }
        if (rolls.contains(orgId)) {
            return false;
        }
        rolls.add(orgId);
        return true;
    }

    /** Records the rolls the member has been on, in a document that did not know them. */
    void learnRolls(List<String> orgIds) {
        document.append(ROLLS, new ArrayList<>(orgIds));
    }

    /** The branches whose roster this document changes: the rolls the member has been on and the hosts attached to. */
    Set<String> branches() {
        Set<String> branches = new LinkedHashSet<>(document.getList(ROLLS, String.class, List.of()));
        periods(ATTACHMENTS).forEach(attachment -> branches.add(attachment.getString("hostOrgId")));
        return branches;
    }

    /** Every day on which something laid over the member's status begins or ends. */
    Stream<LocalDate> changeDays() {
        return PERIODS.stream().flatMap(overlay -> document.getList(overlay, Document.class, List.of()).stream())
                .flatMap(RosterEntry::boundaries);
    }

    Document document() {
        return document;
    }

    String memberId() {
        return document.getString("_id");
    }

    boolean applied(long sequence) {
        return document.getLong("memberSeq") >= sequence;
    }

    /**
     * Exempt from {@code from}; {@code until} is the planned end of a temporary exemption, shown as decided. The
     * exemption stays in force until it is ended, as on the command side, even past {@code until}.
     */
    void grantExemption(long sequence, ExemptionKind kind, LocalDate from, LocalDate until) {
        open(sequence, EXEMPTIONS, from, new Document("kind", kind.name())
                .append("until", until == null ? null : until.toString()));
    }

    void endExemption(long sequence, LocalDate endedOn) {
        close(sequence, EXEMPTIONS, endedOn);
    }

    /** The exemption granted from {@code from} was annulled (I30): it never was, so its period goes. */
    void annulExemption(long sequence, LocalDate from) {
        List<Document> exemptions = periods(EXEMPTIONS);
        exemptions.stream().filter(period -> from.toString().equals(period.getString("from")))
                .reduce((earlier, later) -> later)
                .ifPresent(exemptions::remove);
        document.append("memberSeq", sequence);
    }

    void suspend(long sequence, LocalDate from) {
        open(sequence, SUSPENSIONS, from, new Document());
    }

    void liftSuspension(long sequence, LocalDate on) {
        close(sequence, SUSPENSIONS, on);
    }

    void loseContact(long sequence, LocalDate from) {
        open(sequence, CONTACT_LOST, from, new Document());
    }

    void restoreContact(long sequence, LocalDate on) {
        close(sequence, CONTACT_LOST, on);
    }

    /** Attached from its home branch to the host from {@code from} on, until the member is back (or dies). */
    void attach(long sequence, String homeOrgId, String hostOrgId, LocalDate from) {
        open(sequence, ATTACHMENTS, from, new Document("homeOrgId", homeOrgId).append("hostOrgId", hostOrgId));
    }

    /** The member is back at home on {@code on}, or the transfer closed otherwise: no attachment runs on. */
    void endAttachment(long sequence, LocalDate on) {
        close(sequence, ATTACHMENTS, on);
    }

    /** A transfer letter to {@code toOrgId} was issued on {@code letterDate}: in transit until presented or cancelled. */
    void leaveWithLetter(long sequence, String toOrgId, LocalDate letterDate) {
        open(sequence, IN_TRANSIT, letterDate, new Document("toOrgId", toOrgId));
    }

    /** The letter was presented (or the transfer closed without it) on {@code on}: no longer in transit. */
    void arrive(long sequence, LocalDate on) {
        close(sequence, IN_TRANSIT, on);
    }

    /** The letter in transit at the end of {@code date}, if any. */
    Optional<BranchRoster.Transit> inTransitOn(LocalDate date) {
        return covering(IN_TRANSIT, date).map(period -> new BranchRoster.Transit(period.getString("toOrgId"),
                LocalDate.parse(period.getString("from"))));
    }

    /** The temporary attachment in force at the end of {@code date}, if any. */
    Optional<AttachmentPeriod> attachmentOn(LocalDate date) {
        return covering(ATTACHMENTS, date).map(period -> new AttachmentPeriod(period.getString("homeOrgId"),
                period.getString("hostOrgId"), LocalDate.parse(period.getString("from"))));
    }

    /** The exemption in force at the end of {@code date}, if any. */
    Optional<BranchRoster.Exemption> exemptionOn(LocalDate date) {
        return covering(EXEMPTIONS, date).map(period -> new BranchRoster.Exemption(
                ExemptionKind.valueOf(period.getString("kind")), LocalDate.parse(period.getString("from")),
                RosterEntry.date(period.getString("until"))));
    }

    boolean suspendedOn(LocalDate date) {
        return covering(SUSPENSIONS, date).isPresent();
    }

    /** The card numbered {@code number} is the member's from {@code from} on, in place of the one before it. */
    void holdCard(long sequence, String number, LocalDate from) {
        close(sequence, CARDS, from);
        open(sequence, CARDS, from, new Document("number", number));
    }

    Optional<String> cardOn(LocalDate date) {
        return covering(CARDS, date).map(period -> period.getString("number"));
    }

    /** The day contact was lost, if it was still lost at the end of {@code date}. */
    Optional<LocalDate> lostContactSinceOn(LocalDate date) {
        return covering(CONTACT_LOST, date).map(period -> LocalDate.parse(period.getString("from")));
    }

    private void open(long sequence, String overlay, LocalDate from, Document details) {
        periods(overlay).add(details.append("from", from.toString()).append("to", null));
        document.append("memberSeq", sequence);
    }

    private void close(long sequence, String overlay, LocalDate date) {
        periods(overlay).stream().filter(period -> period.getString("to") == null)
                .forEach(period -> period.append("to", date.toString()));
        document.append("memberSeq", sequence);
    }

    private Optional<Document> covering(String overlay, LocalDate date) {
        return periods(overlay).stream().filter(period -> RosterEntry.covers(period, date)).findFirst();
    }

    /** A document stored before an overlay existed (attachments came later) has no periods of it yet. */
    private List<Document> periods(String overlay) {
        List<Document> periods = document.getList(overlay, Document.class);
        if (periods == null) {
            periods = new ArrayList<>();
            document.append(overlay, periods);
        }
        return periods;
    }
}
