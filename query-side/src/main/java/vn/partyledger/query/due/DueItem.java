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
     * A new item, keyed by its subject, kind and the day it opened: the same event opens the same item again. An item
     * whose deadline could not be counted is due, as far as anyone can tell, from the day it opened.
     */
    static Document open(DueKind kind, String memberId, String transferId, String branchId, LocalDate since,
                         Optional<LocalDate> dueOn) {
        return new Document("_id", id(kind, memberId, transferId, since)).append(KIND, kind.name())
                .append(MEMBER, memberId).append(TRANSFER, transferId).append(BRANCH, branchId)
                .append(SINCE, since.toString()).append(DUE_ON, dueOn.orElse(since).toString())
                .append(UNCOUNTED, dueOn.isEmpty()).append(SETTLED_ON, null);
    }

    static String id(DueKind kind, String memberId, String transferId, LocalDate since) {
        return (transferId != null ? transferId : memberId) + ":" + kind + ":" + since;
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
