package vn.partyledger.query.roster;

import org.bson.Document;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.roster.BranchRoster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stored shape of one branch's roster and the edits projections make to it. Dates are ISO strings so people can
 * read the document; {@code orgSeq} and each member's {@code memberSeq} are the last applied aggregate sequence
 * numbers, which make every edit idempotent.
 */
final class RosterDocument {

    /** Branch id and version: the single unique key a compare-and-set filters on. */
    static final String REVISION = "revision";

    private final Document document;

    RosterDocument(Document document) {
        this.document = document;
    }

    static RosterDocument empty(String orgId) {
        return new RosterDocument(new Document("_id", orgId).append("version", 0L)
                .append(REVISION, revision(orgId, 0L)).append("orgSeq", -1L).append("members", new Document()));
    }

    Document document() {
        return document;
    }

    String revision() {
        return document.getString(REVISION);
    }

    /** Moves to the next version; the stored document is replaced only if it still has the previous revision. */
    void nextRevision() {
        long version = document.getLong("version") + 1;
        document.append("version", version).append(REVISION, revision(document.getString("_id"), version));
    }

    private static String revision(String orgId, long version) {
        return orgId + "#" + version;
    }

    /** Applies the organisation's establishment unless this or a later organisation event was applied already. */
    boolean establish(long sequence, String name, String parentOrgId, LocalDate establishedOn) {
        if (document.getLong("orgSeq") >= sequence) {
            return false;
        }
        document.append("orgSeq", sequence).append("name", name).append("parentOrgId", parentOrgId)
                .append("establishedOn", establishedOn.toString());
        return true;
    }

    /** Opens a status period for a member; false when the member's event at this sequence was applied already. */
    boolean openPeriod(String memberId, long sequence, String personId, MemberStatus status, LocalDate from,
                       LocalDate probationEndDate, LocalDate admissionDecisionDate) {
        Document members = document.get("members", Document.class);
        Document member = members.get(memberId, Document.class);
        if (member == null) {
            member = new Document("memberSeq", -1L).append("periods", new ArrayList<Document>());
            members.append(memberId, member);
        }
        if (member.getLong("memberSeq") >= sequence) {
            return false;
        }
        startPeriod(member, sequence, status, from);
        member.append("personId", personId)
                .append("probationEndDate", probationEndDate == null ? null : probationEndDate.toString())
                .append("admissionDecisionDate",
                        admissionDecisionDate == null ? null : admissionDecisionDate.toString());
        return true;
    }

    /** The member's status changes from {@code from} on (e.g. recognised as full member); false when applied already. */
    boolean changeStatus(String memberId, long sequence, MemberStatus status, LocalDate from) {
        Document member = document.get("members", Document.class).get(memberId, Document.class);
        if (member == null || member.getLong("memberSeq") >= sequence) {
            return false;
        }
        startPeriod(member, sequence, status, from);
        return true;
    }

    private static void startPeriod(Document member, long sequence, MemberStatus status, LocalDate from) {
        List<Document> periods = member.getList("periods", Document.class);
        periods.stream().filter(period -> period.getString("to") == null)
                .forEach(period -> period.append("to", from.toString()));
        periods.add(new Document("status", status.name()).append("from", from.toString()).append("to", null));
        member.append("memberSeq", sequence);
    }

    /** Closes the member's open period on {@code date}: the member moved away. False when applied already. */
    boolean closePeriod(String memberId, long sequence, LocalDate date) {
        Document member = document.get("members", Document.class).get(memberId, Document.class);
        if (member == null || member.getLong("memberSeq") >= sequence) {
            return false;
        }
        member.getList("periods", Document.class).stream().filter(period -> period.getString("to") == null)
                .forEach(period -> period.append("to", date.toString()));
        member.append("memberSeq", sequence);
        return true;
    }

    /** The status of the member's last period, as a moved member keeps it in the receiving branch. */
    static MemberStatus lastStatus(Document member) {
        List<Document> periods = member.getList("periods", Document.class);
        return MemberStatus.valueOf(periods.get(periods.size() - 1).getString("status"));
    }

    static LocalDate date(Document member, String field) {
        return date(member.getString(field));
    }

    /** The roll at the end of {@code asOf}: each member whose period covers that date, with that period's status. */
    BranchRoster asOf(LocalDate asOf) {
        List<BranchRoster.Entry> entries = new ArrayList<>();
        Document members = document.get("members", Document.class);
        for (String memberId : members.keySet()) {
            Document member = members.get(memberId, Document.class);
            member.getList("periods", Document.class).stream()
                    .filter(period -> covers(period, asOf))
                    .findFirst()
                    .ifPresent(period -> entries.add(new BranchRoster.Entry(memberId, member.getString("personId"),
                            MemberStatus.valueOf(period.getString("status")), LocalDate.parse(period.getString("from")),
                            date(member.getString("probationEndDate")),
                            date(member.getString("admissionDecisionDate")))));
        }
        entries.sort(Comparator.comparing(BranchRoster.Entry::since).thenComparing(BranchRoster.Entry::memberId));
        int headcount = (int) entries.stream().filter(entry -> entry.status().isOnRoll()).count();
        return new BranchRoster(document.getString("_id"), document.getString("name"),
                document.getString("parentOrgId"), asOf, headcount, List.copyOf(entries));
    }

    private static boolean covers(Document period, LocalDate date) {
        LocalDate from = LocalDate.parse(period.getString("from"));
        String to = period.getString("to");
        return !date.isBefore(from) && (to == null || date.isBefore(LocalDate.parse(to)));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
