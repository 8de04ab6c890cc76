package vn.partyledger.query.batch;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document a batch holds is handed to a handler as a copy, which must be what the store would give back: a later
 * event of the batch reads it as it would read it from the store, and a handler that changes it leaves the held one
 * as it was.
 */
class HeldDocumentCopyTest {

    private static final DocumentCodec CODEC = new DocumentCodec();

    @Test
    void aCopyHasTheFieldsTypesAndOrderTheStoreWouldGiveBack() {
        Document entry = new Document("memberSeq", 7L).append("_id", "branch-1/member-2").append("count", 3)
                .append("share", 0.5).append("open", true).append("closedOn", null)
                .append("periods", Arrays.asList(new Document("from", "2025-01-01").append("to", null),
                        List.of("a", 1L)))
                .append("card", new Document("number", "12345").append("since", "2024-03-02"));

        Document copy = ProjectionBatch.PendingCollection.copy(entry);

        Document stored = throughTheCodec(entry);
        assertThat(copy).isEqualTo(stored);
        assertThat(List.copyOf(copy.keySet())).as("in the same order").isEqualTo(List.copyOf(stored.keySet()));
        assertThat(copy.get("periods")).isExactlyInstanceOf(ArrayList.class);
        assertThat(copy.getList("periods", Object.class).get(1)).isExactlyInstanceOf(ArrayList.class);
        assertThat(copy.get("card")).isExactlyInstanceOf(Document.class);
        assertThat(copy.get("count")).isExactlyInstanceOf(Integer.class);
        assertThat(copy.get("memberSeq")).isExactlyInstanceOf(Long.class);
    }

    @Test
    void changingACopyLeavesTheHeldDocumentAsItWas() {
        Document held = new Document("_id", "member-2")
                .append("contactLost", new ArrayList<>(List.of(new Document("from", "2025-01-01").append("to", null))))
                .append("card", new Document("number", "12345"));
        Document before = throughTheCodec(held);

        Document copy = ProjectionBatch.PendingCollection.copy(held);
        copy.getList("contactLost", Document.class).get(0).put("to", "2025-02-01");
        copy.getList("contactLost", Document.class).add(new Document("from", "2025-03-01"));
        copy.get("card", Document.class).put("number", "99999");
        copy.put("memberSeq", 9L);

        assertThat(held).isEqualTo(before);
    }

    @Test
    void aValueOtherThanDocumentsListsStringsNumbersAndBooleansIsCopiedAsTheStoreWouldGiveItBack() {
        Date recorded = new Date(1_700_000_000_000L);
        Document held = new Document("_id", "member-3").append("recordedAt", recorded)
                .append("periods", List.of(new Document("by", new ObjectId("65f0c0ffee0000000000abcd"))));

        Document copy = ProjectionBatch.PendingCollection.copy(held);

        assertThat(copy).isEqualTo(throughTheCodec(held));
        assertThat(copy.get("recordedAt")).isEqualTo(recorded).isNotSameAs(recorded);
    }

    private static Document throughTheCodec(Document document) {
        return new RawBsonDocument(document, CODEC).decode(CODEC);
    }
}
