package vn.partyledger.query.due;

import org.bson.Document;
import vn.partyledger.domain.due.DueKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The due list's record of one subject, a member or a transfer case (ADR 0038): the items its events opened and have
 * not settled, with the last sequence number of its events applied; for a member, its branch and its open transfer
 * cases; for a case, the return its letter expects, the end due of the attachment in force and the attachment ends it
 * settled. Written only by the events of that one aggregate, which Axon hands to one segment in order, so it is read,
 * changed and replaced whole without losing another segment's write; the items themselves are written by {@code _id}.
 */
final class DueSubject {

    private static final String SEQUENCE = "sequence";
    private static final String OPEN = "open";
    private static final String ITEM = "itemId";
    private static final String BRANCH = "branchId";
    private static final String TRANSFERS = "transfers";
    private static final String EXPECTED_RETURN = "expectedReturn";
    private static final String ATTACHED_UNTIL = "attachedUntil";
    private static final String ATTACHMENTS_SETTLED = "attachmentsSettled";

    private final Document document;

    DueSubject(Document document) {
        this.document = document;
    }

    static DueSubject named(String id) {
        return new DueSubject(new Document("_id", id).append(OPEN, new ArrayList<Document>()));
    }

    static String member(String memberId) {
        return "member:" + memberId;
    }

    static String transfer(String transferId) {
        return "transfer:" + transferId;
    }

    Document document() {
        return document;
    }

    /** Whether the event with this sequence number of the subject's aggregate was applied already. */
    boolean applied(long sequence) {
        Long last = document.getLong(SEQUENCE);
        return last != null && sequence <= last;
    }

    void apply(long sequence) {
        document.put(SEQUENCE, sequence);
    }

    String branch() {
        return document.getString(BRANCH);
    }

    void placeIn(String branchId) {
        document.put(BRANCH, branchId);
    }

    /** The items open as this subject's events left them: each with its {@code itemId}, kind and transfer case. */
    List<Document> open() {
        return List.copyOf(document.getList(OPEN, Document.class));
    }

    List<String> open(DueKind kind) {
        return open().stream().filter(entry -> entry.getString(DueItem.KIND).equals(kind.name()))
                .map(DueSubject::itemId).toList();
    }

    static String itemId(Document entry) {
        return entry.getString(ITEM);
    }

    void opened(String itemId, DueKind kind, String transferId) {
        if (open().stream().noneMatch(entry -> itemId(entry).equals(itemId))) {
            document.getList(OPEN, Document.class).add(new Document(ITEM, itemId).append(DueItem.KIND, kind.name())
                    .append(DueItem.TRANSFER, transferId));
        }
    }

    void settled(String itemId) {
        document.getList(OPEN, Document.class).removeIf(entry -> itemId(entry).equals(itemId));
    }

    List<String> transfers() {
        return document.getList(TRANSFERS, String.class, List.of());
    }

    void transferOpened(String transferId) {
        if (!transfers().contains(transferId)) {
            List<String> transfers = new ArrayList<>(transfers());
            transfers.add(transferId);
            document.put(TRANSFERS, transfers);
        }
    }

    /** The case is over: the member's entries of it were settled by the case's own events. */
    void transferClosed(String transferId) {
        document.put(TRANSFERS, transfers().stream().filter(open -> !open.equals(transferId)).toList());
        document.getList(OPEN, Document.class).removeIf(entry -> transferId.equals(entry.getString(DueItem.TRANSFER)));
    }

    Optional<LocalDate> expectedReturn() {
        return Optional.ofNullable(document.getString(EXPECTED_RETURN)).map(LocalDate::parse);
    }

    void expectReturn(LocalDate on) {
        document.put(EXPECTED_RETURN, on == null ? null : on.toString());
    }

    /** The day the attachment in force is due to end, once the case knows it began. */
    Optional<LocalDate> attachedUntil() {
        return Optional.ofNullable(document.getString(ATTACHED_UNTIL)).map(LocalDate::parse);
    }

    void attachedUntil(LocalDate until) {
        document.put(ATTACHED_UNTIL, until == null ? null : until.toString());
    }

    /** Notes an attachment's end the case settled, which the member opened and still lists among its own. */
    void attachmentSettled(String itemId) {
        List<String> settled = new ArrayList<>(attachmentsSettled());
        if (!settled.contains(itemId)) {
            settled.add(itemId);
            document.put(ATTACHMENTS_SETTLED, settled);
        }
        settled(itemId);
    }

    List<String> attachmentsSettled() {
        return document.getList(ATTACHMENTS_SETTLED, String.class, List.of());
    }
}
