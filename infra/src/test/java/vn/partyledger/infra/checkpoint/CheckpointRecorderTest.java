package vn.partyledger.infra.checkpoint;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.infra.eventstore.HashedEvent;
import vn.partyledger.infra.eventstore.Damage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The recorder follows a real log: checkpoints every N events or T seconds at commit ends, roots equal to RFC 9162's
 * definition over the events' stored hashes, proofs from the stored subtrees that verify, a restart that goes on with
 * the same tree, a publication retried until acknowledged, and a commit altered before it was checkpointed anchored
 * as appended, so that verification names it.
 */
class CheckpointRecorderTest {

    private static final Instant NOON = Instant.parse("2026-03-03T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final LogFixture log = new LogFixture();

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void aCheckpointEveryFiveEventsAtTheEndOfACommitWithTheRootOfTheDefinition() {
        for (int events : new int[]{1, 3, 2, 4, 1, 1, 2}) {
            log.append(events);
        }

        log.recorder(5, HOUR, NOON).catchUp();

        List<Checkpoint> recorded = log.proofs().checkpoints(null, 100);
        assertThat(recorded).extracting(Checkpoint::treeSize).containsExactly(11L, 6L);
        assertThat(recorded).extracting(Checkpoint::lastPosition).containsExactly(5L, 3L);
        for (Checkpoint checkpoint : recorded) {
            assertThat(checkpoint.rootHash()).isEqualTo(rootOfFirst(checkpoint.treeSize()));
        }
        assertThat(log.published).extracting(Checkpoint::treeSize).containsExactly(6L, 11L);
    }

    @Test
    void fewerEventsAreCheckpointedOnceTheIntervalHasPassed() {
        log.append(2);
        log.recorder(1000, HOUR, NOON).catchUp();
        log.append(3);
        log.recorder(1000, HOUR, NOON.plus(Duration.ofMinutes(59))).catchUp();
        assertThat(log.proofs().latest().treeSize()).isEqualTo(2);

        log.recorder(1000, HOUR, NOON.plus(HOUR)).catchUp();

        Checkpoint latest = log.proofs().latest();
        assertThat(latest.treeSize()).isEqualTo(5);
        assertThat(latest.rootHash()).isEqualTo(rootOfFirst(5));
        assertThat(latest.recordedAt()).isEqualTo(NOON.plus(HOUR));
    }

    @Test
    void aRestartedRecorderGoesOnWithTheSameTree() {
        for (int commit = 0; commit < 7; commit++) {
            log.append(commit % 3 + 1);
            log.recorder(4, HOUR, NOON).catchUp();
        }

        List<Checkpoint> recorded = log.proofs().checkpoints(null, 100);
        assertThat(recorded).hasSizeGreaterThan(2);
        for (Checkpoint checkpoint : recorded) {
            assertThat(checkpoint.rootHash()).as("root of %d", checkpoint.treeSize())
                                             .isEqualTo(rootOfFirst(checkpoint.treeSize()));
        }
    }

    @Test
    void everyEventIsProvedInEveryCheckpointAndEveryCheckpointExtendsTheEarlierOnes() {
        for (int commit = 0; commit < 9; commit++) {
            log.append(commit % 4 + 1);
            log.recorder(3, HOUR, NOON).catchUp();
        }
        LogProofs proofs = log.proofs();
        List<Checkpoint> recorded = proofs.checkpoints(null, 100);
        List<HashedEvent> events = log.events();

        for (Checkpoint checkpoint : recorded) {
            byte[] root = MerkleHash.bytes(checkpoint.rootHash());
            for (HashedEvent event : events.subList(0, (int) checkpoint.treeSize())) {
                InclusionProof proof = proofs.inclusion(new ProveInclusion(event.eventIdentifier(),
                                                                           checkpoint.treeSize()));
                assertThat(proof.position()).isEqualTo(event.position());
                assertThat(proof.index()).isEqualTo(event.index());
                assertThat(ProofVerifier.inclusion(proof.leafIndex(), checkpoint.treeSize(),
                                                   MerkleHash.ofEvent(proof.eventHash()), bytes(proof.auditPath()),
                                                   root)).isTrue();
            }
            for (Checkpoint earlier : recorded) {
                if (earlier.treeSize() <= checkpoint.treeSize()) {
                    ConsistencyProof proof = proofs.consistency(new ProveConsistency(earlier.treeSize(),
                                                                                     checkpoint.treeSize()));
                    assertThat(ProofVerifier.consistency(earlier.treeSize(), checkpoint.treeSize(),
                                                         bytes(proof.proof()), MerkleHash.bytes(earlier.rootHash()),
                                                         root)).isTrue();
                }
            }
        }
    }

    @Test
    void aLongerLogProvesFromItsStoredLargeSubtreesAndTheLeavesBelowThem() {
        for (int commit = 0; commit < 150; commit++) {
            log.append(commit % 3 + 1);
            if (commit % 40 == 39) {
                log.recorder(37, HOUR, NOON).catchUp();
            }
        }
        log.recorder(37, HOUR, NOON).catchUp();
        LogProofs proofs = log.proofs();
        List<Checkpoint> recorded = proofs.checkpoints(null, 100);
        List<HashedEvent> events = log.events();
        Checkpoint latest = recorded.get(0);
        assertThat(latest.treeSize()).isGreaterThan(250);

        for (Checkpoint checkpoint : recorded) {
            assertThat(checkpoint.rootHash()).isEqualTo(rootOfFirst(checkpoint.treeSize()));
            ConsistencyProof proof = proofs.consistency(new ProveConsistency(checkpoint.treeSize(),
                                                                             latest.treeSize()));
            assertThat(ProofVerifier.consistency(checkpoint.treeSize(), latest.treeSize(), bytes(proof.proof()),
                                                 MerkleHash.bytes(checkpoint.rootHash()),
                                                 MerkleHash.bytes(latest.rootHash()))).isTrue();
        }
        for (int leaf = 0; leaf < latest.treeSize(); leaf += 7) {
            InclusionProof proof = proofs.inclusion(new ProveInclusion(events.get(leaf).eventIdentifier(), null));
            assertThat(proof.leafIndex()).isEqualTo(leaf);
            assertThat(ProofVerifier.inclusion(leaf, latest.treeSize(), MerkleHash.ofEvent(proof.eventHash()),
                                               bytes(proof.auditPath()), MerkleHash.bytes(latest.rootHash())))
                    .isTrue();
        }
    }

    @Test
    void anEventRewrittenWithItsHashesAfterACheckpointNoLongerProvesAgainstIt() {
        log.append(3);
        log.append(2);
        log.recorder(1, HOUR, NOON).catchUp();
        Checkpoint checkpoint = log.proofs().latest();
        HashedEvent event = log.events().get(1);
        InclusionProof proof = log.proofs().inclusion(new ProveInclusion(event.eventIdentifier(), null));
        String rewrittenHash = "00".repeat(32);

        // whoever can write the database rewrites the event and recomputes its hash: the leaf changes with it
        assertThat(ProofVerifier.inclusion(proof.leafIndex(), checkpoint.treeSize(),
                                           MerkleHash.ofEvent(rewrittenHash), bytes(proof.auditPath()),
                                           MerkleHash.bytes(checkpoint.rootHash()))).isFalse();
    }

    @Test
    void aRewrittenCheckpointIsNotConsistentWithOneTheAuditorHolds() {
        log.append(3);
        log.recorder(1, HOUR, NOON).catchUp();
        Checkpoint held = log.proofs().latest();
        log.append(2);
        log.recorder(1, HOUR, NOON).catchUp();
        long later = log.proofs().latest().treeSize();
        log.database.getCollection(CheckpointStore.CHECKPOINTS).updateOne(
                Filters.eq("_id", later), Updates.set("rootHash", "11".repeat(32)));

        Checkpoint rewritten = log.proofs().latest();
        ConsistencyProof proof = log.proofs().consistency(new ProveConsistency(held.treeSize(), later));

        assertThat(ProofVerifier.consistency(held.treeSize(), later, bytes(proof.proof()),
                                             MerkleHash.bytes(held.rootHash()),
                                             MerkleHash.bytes(rewritten.rootHash()))).isFalse();
    }

    @Test
    void aCheckpointKafkaDidNotAcknowledgeIsPublishedOnTheNextPass() {
        log.append(2);
        log.recorder(1, HOUR, NOON, checkpoint -> {
            throw new IllegalStateException("broker unavailable");
        }).catchUp();
        assertThat(log.published).isEmpty();

        log.recorder(1, HOUR, NOON).catchUp();

        assertThat(log.published).extracting(Checkpoint::treeSize).containsExactly(2L);
        log.recorder(1, HOUR, NOON).catchUp();
        assertThat(log.published).hasSize(1);
    }

    @Test
    void aCommitAlteredBeforeItWasCheckpointedIsCheckpointedAsAppendedAndVerificationNamesIt() {
        log.append(2);
        log.recorder(1, HOUR, NOON).catchUp();
        log.append(1);
        log.append(1);
        log.database.getCollection("event_commits").updateOne(
                Filters.eq("_id", 3L), Updates.set("events.0.payload.n", 99));

        log.recorder(1, HOUR, NOON).catchUp();

        Checkpoint latest = log.proofs().latest();
        assertThat(latest.treeSize()).isEqualTo(4);
        assertThat(latest.rootHash()).isEqualTo(rootOfFirst(4));
        AuditReport report = log.auditor(CheckpointSigner.none())
                                .audit(new VerifyLog(latest.treeSize(), latest.rootHash()), (position, events) -> { });
        assertThat(report.damages()).extracting(Damage::kind, Damage::position, Damage::index)
                                    .containsExactly(tuple(Damage.Kind.ALTERED, 3L, 0),
                                                     tuple(Damage.Kind.CHECKPOINT_MISMATCH, 3L, 0));
    }

    /** The root of the first {@code size} events as RFC 9162 defines it, over the stored event hashes. */
    private String rootOfFirst(long size) {
        List<byte[]> leaves = log.events().subList(0, (int) size).stream()
                                 .map(event -> MerkleHash.ofEvent(event.hash())).toList();
        return MerkleHash.hex(LogProofVectorsTest.definition(leaves));
    }

    private static List<byte[]> bytes(List<String> hashes) {
        return hashes.stream().map(MerkleHash::bytes).toList();
    }
}
