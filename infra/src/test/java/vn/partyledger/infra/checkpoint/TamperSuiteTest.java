package vn.partyledger.infra.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.infra.eventstore.Damage;
import vn.partyledger.infra.eventstore.Rehash;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.eventstore.Damage.Kind.ALTERED;
import static vn.partyledger.infra.eventstore.Damage.Kind.CHECKPOINT_MISMATCH;
import static vn.partyledger.infra.eventstore.Damage.Kind.DELETED;
import static vn.partyledger.infra.eventstore.Damage.Kind.INSERTED;
import static vn.partyledger.infra.eventstore.Damage.Kind.REORDERED;
import static vn.partyledger.infra.eventstore.Damage.Kind.REWRITTEN_CHECKPOINT;
import static vn.partyledger.infra.eventstore.Damage.Kind.TRUNCATED;

/**
 * The tamper suite of issue 13: stored documents edited through the MongoDB driver in each way an insider could, and
 * in combination; verification names the kind and the position of each, and a clean log verifies clean. The log:
 * <pre>
 * 1: a/0 a/1 a/2      2: stream-1/0 note note      3: a/3 a/4      4: stream-2/0 note      5: a/5
 * </pre>
 * checkpointed at every commit; the auditor holds the last checkpoint (11 events), signed.
 */
class TamperSuiteTest {

    private static final Instant NOON = Instant.parse("2026-03-03T12:00:00Z");

    private final LogFixture log = new LogFixture();
    private CheckpointSigner signer;
    private Checkpoint held;

    @BeforeEach
    void logWithCheckpoints() throws IOException {
        JsonNode vector = new ObjectMapper().readTree(Path.of("..", "docs", "log-proof-vectors.json").toFile())
                                            .get("checkpoint");
        signer = CheckpointSigner.of(vector.get("testPrivateKey").asText(), vector.get("publicKey").asText());
        log.appendTo("a", 0, 3);
        log.append(3);
        log.appendTo("a", 3, 2);
        log.append(2);
        log.appendTo("a", 5, 1);
        log.recorder(1, Duration.ofHours(1), NOON, checkpoint -> { }, signer).catchUp();
        held = log.proofs().latest();
        assertThat(held.treeSize()).isEqualTo(11);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void aCleanLogVerifiesCleanAgainstTheCheckpointHeld() {
        AuditReport report = verify();

        assertThat(report.damages()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.commitsChecked()).isEqualTo(5);
        assertThat(report.eventsChecked()).isEqualTo(11);
    }

    @Test
    void anAlteredPayloadIsNamedAtItsEventAndTheCheckpointNoLongerMatchesThere() {
        commits().updateOne(Filters.eq("_id", 3L), Updates.set("events.1.payload.seq", 40));

        assertThat(verify().damages()).extracting(Damage::kind, Damage::position, Damage::index)
                                      .containsExactly(tuple(ALTERED, 3L, 1), tuple(CHECKPOINT_MISMATCH, 3L, 1));
    }

    @Test
    void alteredMetadataIsNamedAtItsEvent() {
        commits().updateOne(Filters.eq("_id", 1L), Updates.set("events.0.metaData.actor", "someone-else"));

        assertThat(first()).isEqualTo(tuple(ALTERED, 1L, 0));
    }

    @Test
    void anEventRewrittenWithItsHashesRecomputedIsNamedByTheNextLinkAndTheCheckpoint() {
        commits().updateOne(Filters.eq("_id", 1L), Updates.set("events.2.payload.seq", 20));
        Rehash.commit(log.database, 1);

        assertThat(verify().damages()).extracting(Damage::kind, Damage::position, Damage::index)
                                      .containsExactly(tuple(ALTERED, 1L, 2), tuple(CHECKPOINT_MISMATCH, 1L, 2));
    }

    @Test
    void anEventDeletedFromItsCommitIsNamedWhereItStood() {
        removeEvent(1, 1);

        assertThat(first()).isEqualTo(tuple(DELETED, 1L, 1));
    }

    @Test
    void aDeletedCommitIsNamedAtItsPosition() {
        commits().deleteOne(Filters.eq("_id", 2L));

        assertThat(first()).isEqualTo(tuple(DELETED, 2L, null));
    }

    @Test
    void anInsertedEventIsNamedWhereItWasPut() {
        Document commit = commits().find(Filters.eq("_id", 2L)).first();
        List<Document> events = new ArrayList<>(commit.getList("events", Document.class));
        Document forged = new Document(events.get(2)).append("eventIdentifier", "forged-1");
        events.add(1, forged);
        commits().updateOne(Filters.eq("_id", 2L), Updates.set("events", events));

        assertThat(first()).isEqualTo(tuple(INSERTED, 2L, 1));
    }

    @Test
    void aReorderedPairIsNamedAtTheFirstOfIt() {
        Document commit = commits().find(Filters.eq("_id", 1L)).first();
        List<Document> events = new ArrayList<>(commit.getList("events", Document.class));
        events.add(0, events.remove(1));
        commits().updateOne(Filters.eq("_id", 1L), Updates.set("events", events));

        assertThat(verify().damages()).extracting(Damage::kind, Damage::position, Damage::index)
                                      .contains(tuple(REORDERED, 1L, 0))
                                      .doesNotContain(tuple(DELETED, 1L, 1), tuple(INSERTED, 1L, 0));
    }

    @Test
    void aTruncatedTailIsNamedWhereItWasCutWhenThePositionsStay() {
        commits().deleteMany(Filters.gte("_id", 4L));

        assertThat(verify().damages()).extracting(Damage::kind, Damage::position)
                                      .contains(tuple(TRUNCATED, 4L))
                                      .doesNotContain(tuple(DELETED, 4L), tuple(DELETED, 5L));
    }

    @Test
    void aTruncatedTailIsNamedWhenTheHeadWasCutWithIt() {
        commits().deleteMany(Filters.gte("_id", 4L));
        log.database.getCollection("event_streams").deleteMany(Filters.in("_id", List.of("a/5", "stream-2/0")));
        log.database.getCollection("event_log_counter").updateOne(Filters.eq("_id", "commitPosition"),
                                                                  Updates.set("value", 3L));

        List<Damage> damages = verify().damages();

        assertThat(damages).extracting(Damage::kind, Damage::position).contains(tuple(TRUNCATED, 4L));
        assertThat(damages).allMatch(damage -> damage.kind() == TRUNCATED);
        assertThat(log.auditor(signer).audit(new VerifyLog(null, null), (position, events) -> { }).damages())
                .extracting(Damage::kind, Damage::position).containsExactly(tuple(TRUNCATED, 4L));
    }

    @Test
    void aRewrittenCheckpointIsNamedByItsSignatureAndByTheCheckpointHeld() {
        log.database.getCollection(CheckpointStore.CHECKPOINTS).updateOne(
                Filters.eq("_id", 11L), Updates.set("rootHash", "11".repeat(32)));

        assertThat(verify().damages()).extracting(Damage::kind, Damage::position)
                                      .containsExactly(tuple(REWRITTEN_CHECKPOINT, 5L),
                                                       tuple(REWRITTEN_CHECKPOINT, 5L));
    }

    @Test
    void aRewrittenUnsignedCheckpointIsNamedByTheStoredTree() {
        log.database.getCollection(CheckpointStore.CHECKPOINTS).updateOne(
                Filters.eq("_id", 6L), Updates.set("rootHash", "22".repeat(32)));

        assertThat(log.auditor(CheckpointSigner.none()).audit(new VerifyLog(null, null), (position, events) -> { })
                      .damages()).extracting(Damage::kind, Damage::position)
                                 .containsExactly(tuple(REWRITTEN_CHECKPOINT, 2L));
    }

    @Test
    void damagesTogetherAreEachNamed() {
        commits().updateOne(Filters.eq("_id", 1L), Updates.set("events.0.payload.seq", 7));
        commits().deleteOne(Filters.eq("_id", 3L));
        removeEvent(4, 1);

        assertThat(verify().damages()).extracting(Damage::kind, Damage::position, Damage::index)
                                      .containsExactly(tuple(ALTERED, 1L, 0), tuple(DELETED, 3L, null),
                                                       tuple(DELETED, 4L, 1),
                                                       // stream a's next event shows the gap the commit left
                                                       tuple(DELETED, 5L, 0));
    }

    @Test
    void aCleanRecordVerifiesCleanAgainstTheCheckpointHeld() {
        AuditReport report = verifyRecord("a");

        assertThat(report.damages()).isEmpty();
        assertThat(report.eventsChecked()).isEqualTo(6);
    }

    @Test
    void aRecordsAlteredEventIsNamedAndNoLongerProvesAgainstTheCheckpoint() {
        commits().updateOne(Filters.eq("_id", 3L), Updates.set("events.0.payload.seq", 30));

        assertThat(verifyRecord("a").damages()).extracting(Damage::kind, Damage::position, Damage::index)
                                               .containsExactly(tuple(ALTERED, 3L, 0),
                                                                tuple(CHECKPOINT_MISMATCH, 3L, 0));
    }

    @Test
    void aRecordsNewestEventsCutWithTheirEntriesAreATruncatedTail() {
        commits().deleteMany(Filters.gte("_id", 5L));
        log.database.getCollection("event_streams").deleteOne(Filters.eq("_id", "a/5"));
        log.database.getCollection("event_log_counter").updateOne(Filters.eq("_id", "commitPosition"),
                                                                  Updates.set("value", 4L));

        assertThat(verifyRecord("a").damages()).extracting(Damage::kind, Damage::position, Damage::index)
                                               .containsExactly(tuple(TRUNCATED, 5L, 0));
    }

    @Test
    void aRecordsEventDeletedWithItsEntryIsNamedBeforeTheStreamGoesOn() {
        removeEvent(3, 0);
        log.database.getCollection("event_streams").deleteOne(Filters.eq("_id", "a/3"));

        assertThat(verifyRecord("a").damages()).extracting(Damage::kind, Damage::position)
                                               .startsWith(tuple(DELETED, 3L));
    }

    private AuditReport verifyRecord(String recordId) {
        return log.auditor(signer).audit(new VerifyRecord(recordId, held.treeSize(), held.rootHash()));
    }

    private AuditReport verify() {
        return log.auditor(signer).audit(new VerifyLog(held.treeSize(), held.rootHash()), (position, events) -> { });
    }

    private org.assertj.core.groups.Tuple first() {
        Damage damage = verify().damages().get(0);
        return tuple(damage.kind(), damage.position(), damage.index());
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private void removeEvent(long position, int index) {
        Document commit = commits().find(Filters.eq("_id", position)).first();
        List<Document> events = new ArrayList<>(commit.getList("events", Document.class));
        events.remove(index);
        commits().updateOne(Filters.eq("_id", position), Updates.set("events", events));
    }

    private MongoCollection<Document> commits() {
        return log.database.getCollection("event_commits");
    }
}
