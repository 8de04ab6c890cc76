package vn.partyledger.query.due;

import org.bson.Document;
import vn.partyledger.domain.due.DueKind;
import vn.partyledger.domain.due.DueList;

import java.time.LocalDate;
import java.util.Optional;

/** One stored item due, read back: open on a date from the day it opened until the day it was settled. */
final class DueItem {

    static final String KIND = "kind";
    static final String MEMBER = "memberId";
    static final String TRANSFER = "transferId";
    static final String BRANCH = "branchId";
    static final String SINCE = "since";
    static final String DUE_ON = "dueOn";
    static final String SETTLED_ON = "settledOn";
    static final String UNCOUNTED = "deadlineUncounted";

    private final Document document;

    DueItem(Document document) {
        this.document = document;
    }

    /**
     * A new item, keyed by its subject, kind and the day it opened (an attachment's end by the day it is due, which
     * the transfer case's own events name): the same event opens the same item again. An item whose deadline could
     * not be counted is due, as far as anyone can tell, from the day it opened. It holds no settled day: settling sets
     * the earliest day it was settled on ({@code $min}), whichever event comes first.
     */
    static Document open(DueKind kind, String memberId, String transferId, String branchId, LocalDate since,
                         Optional<LocalDate> dueOn) {
        String id = kind == DueKind.ATTACHMENT_END ? attachmentEnd(transferId, dueOn.orElse(since))
                                                  : id(kind, memberId, transferId, since);
        return new Document("_id", id).append(KIND, kind.name())
                .append(MEMBER, memberId).append(TRANSFER, transferId).append(BRANCH, branchId)
                .append(SINCE, since.toString()).append(DUE_ON, dueOn.orElse(since).toString())
                .append(UNCOUNTED, dueOn.isEmpty());
    }

    static String id(DueKind kind, String memberId, String transferId, LocalDate since) {
        return (transferId != null ? transferId : memberId) + ":" + kind + ":" + since;
    }

    /**
     * The attachment's end due on {@code until}: the member's attachment opens it and the case's extension or end
     * settles it, each knowing the day without the other's documents.
     */
    static String attachmentEnd(String transferId, LocalDate until) {
        return transferId + ":" + DueKind.ATTACHMENT_END + ":until:" + until;
    }

    /** The item as the list shows it at the end of the date, if it was open then. */
    Optional<DueList.Item> openOn(LocalDate date) {
        LocalDate since = LocalDate.parse(document.getString(SINCE));
        String settled = document.getString(SETTLED_ON);
        if (since.isAfter(date) || (settled != null && !LocalDate.parse(settled).isAfter(date))) {
            return Optional.empty();
        }
        LocalDate dueOn = LocalDate.parse(document.getString(DUE_ON));
        boolean uncounted = Boolean.TRUE.equals(document.getBoolean(UNCOUNTED));
        DueKind kind = DueKind.valueOf(document.getString(KIND));
        return Optional.of(new DueList.Item(kind, document.getString(MEMBER),
                document.getString(TRANSFER), document.getString(BRANCH), since, dueOn,
                !uncounted && dueOn.isBefore(date), uncounted, kind.rule()));
    }
}
