package vn.partyledger.infra.checkpoint;

import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.partyledger.infra.eventstore.AuditedLog;
import vn.partyledger.infra.eventstore.AuditedStream;
import vn.partyledger.infra.eventstore.Damage;
import vn.partyledger.infra.eventstore.HashedEvent;
import vn.partyledger.infra.eventstore.LeafSink;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static vn.partyledger.infra.eventstore.Damage.Kind.ALTERED;
import static vn.partyledger.infra.eventstore.Damage.Kind.CHECKPOINT_MISMATCH;
import static vn.partyledger.infra.eventstore.Damage.Kind.DELETED;
import static vn.partyledger.infra.eventstore.Damage.Kind.INSERTED;
import static vn.partyledger.infra.eventstore.Damage.Kind.REWRITTEN_CHECKPOINT;
import static vn.partyledger.infra.eventstore.Damage.Kind.TRUNCATED;

/**
 * Verifies the whole log (docs/log-proofs.md §6): the hash chains, position by position ({@code auditLog}); the
 * Merkle tree of the events as they are now against the checkpoint the auditor holds, and against the stored tree
 * and checkpoints. Streams the log once in bounded memory (the tree's right edge and a window of leaves).
 */
public class LogAuditor {

    private static final Logger log = LoggerFactory.getLogger(LogAuditor.class);
    /** Leaves compared with the stored tree per look-up. */
    private static final int LEAF_WINDOW = 1_000;
    /** At most this many damages are named; the first ones locate the rest. */
    static final int LIMIT = 100;
    private static final long PROGRESS_EVERY = 10_000;

    private final MongoEventStorageEngine eventLog;
    private final LogTree tree;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;

    LogAuditor(MongoEventStorageEngine eventLog, LogTree tree, CheckpointStore checkpoints, CheckpointSigner signer) {
        this.eventLog = eventLog;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.signer = signer;
    }

    /** An auditor of the log on its database with unsigned checkpoints, for a harness without the application. */
    public static LogAuditor of(MongoEventStorageEngine eventLog, MongoDatabase database) {
        return new LogAuditor(eventLog, new LogTree(database), new CheckpointStore(database), CheckpointSigner.none());
    }

    /** After each window read: the last position read and the events checked so far. */
    @FunctionalInterface
    public interface Progress {
        void read(long position, long eventsChecked);
    }

    /** Logs its progress every {@value #PROGRESS_EVERY} positions. */
    public AuditReport audit(VerifyLog query) {
        AtomicLong logged = new AtomicLong();
        return audit(query, (position, events) -> {
            if (position - logged.get() >= PROGRESS_EVERY) {
                logged.set(position);
                log.info("Verifying the log: read up to position {}", position);
            }
        });
    }

    public AuditReport audit(VerifyLog query, Progress progress) {
        long heldSize = query.treeSize() == null ? 0 : query.treeSize();
        Leaves leaves = new Leaves(heldSize);
        AuditedLog audited = eventLog.auditLog(leaves, position -> progress.read(position, leaves.count), LIMIT);
        leaves.flush();
        List<Damage> damages = new ArrayList<>(audited.damages().stream().map(this::placedByTree).toList());
        if (query.treeSize() != null) {
            held(query, leaves, audited, damages);
        }
        stored(audited, leaves, damages);
        return new AuditReport(damages.isEmpty(), audited.commitsChecked(), audited.eventsChecked(),
                               query.treeSize(), query.rootHash(), List.copyOf(damages));
    }

    /**
     * One record's stream: its chain ({@code auditStream}); the events the log's tree holds for it past the stream's
     * end (its newest cut, with or without its head: a truncated tail); and, against the checkpoint held, each event's
     * inclusion proof from the stored tree with the hash its fields give now.
     */
    public AuditReport audit(VerifyRecord query) {
        AuditedStream audited = eventLog.auditStream(query.recordId(), LIMIT);
        List<Damage> damages = new ArrayList<>(audited.damages());
        long end = audited.events().isEmpty() ? 0
                : audited.events().get(audited.events().size() - 1).sequenceNumber() + 1;
        List<LogTree.Leaf> inTree = tree.leavesOf(query.recordId());
        Map<String, Long> leaves = new HashMap<>();
        inTree.forEach(leaf -> leaves.put(leaf.event().eventIdentifier(), leaf.index()));
        inTree.stream().map(LogTree.Leaf::event).filter(event -> event.sequenceNumber() >= end).findFirst()
              .ifPresent(cut -> damages.add(new Damage(TRUNCATED, cut.position(), cut.index(), "event "
                      + cut.sequenceNumber() + " of " + query.recordId() + " was appended at position "
                      + cut.position() + "; the stream now ends before it")));
        if (query.treeSize() != null) {
            byte[] root = MerkleHash.bytes(query.rootHash());
            for (HashedEvent event : audited.events()) {
                Long leaf = leaves.get(event.eventIdentifier());
                if (leaf != null && leaf < query.treeSize() && !ProofVerifier.inclusion(
                        leaf, query.treeSize(), MerkleHash.ofEvent(event.hash()),
                        tree.rangeHashes(ProofShape.inclusion(leaf, query.treeSize())), root)) {
                    damages.add(new Damage(CHECKPOINT_MISMATCH, event.position(), event.index(), "event "
                            + event.sequenceNumber() + " of " + query.recordId() + " is not the one the checkpoint "
                            + "held covers"));
                }
            }
        }
        return new AuditReport(damages.isEmpty(), 0, audited.events().size(), query.treeSize(), query.rootHash(),
                               List.copyOf(damages));
    }

    /**
     * A commit whose events each verify but whose own hash fails lost or gained an event at its end, or had a field
     * changed: the stored tree, which holds each commit's events, tells which. An event at the end of a commit that
     * verifies nowhere was added when the tree holds fewer events there.
     */
    private Damage placedByTree(Damage damage) {
        if (damage.kind() != ALTERED || damage.position() == null) {
            return damage;
        }
        long held = tree.leavesAt(damage.position());
        long now = eventLog.eventsAt(damage.position());
        if (damage.index() == null && held > now) {
            return new Damage(DELETED, damage.position(), (int) now, "the event that stood at index " + now
                    + " of commit " + damage.position() + ", its last, is gone");
        }
        if (damage.index() != null && held > 0 && held < now && damage.index() >= held) {
            return new Damage(INSERTED, damage.position(), damage.index(), "the event at index " + damage.index()
                    + " of commit " + damage.position() + " was never appended: the commit held " + held);
        }
        return damage;
    }

    /** The auditor's checkpoint against the log as it is now, and against the stored one of the same size. */
    private void held(VerifyLog query, Leaves leaves, AuditedLog audited, List<Damage> damages) {
        long size = query.treeSize();
        boolean lost = damages.stream().anyMatch(damage -> damage.kind() == DELETED || damage.kind() == TRUNCATED);
        if (leaves.count < size && !lost) {
            damages.add(new Damage(TRUNCATED, audited.lastPosition() + 1, null, "the log holds " + leaves.count
                    + " events, the checkpoint held covers " + size + ": its tail was cut"));
        } else if (leaves.count >= size && !MerkleHash.hex(leaves.heldRoot).equals(query.rootHash())) {
            boolean treeAnchored = tree.storedRoot(size).map(MerkleHash::hex)
                                       .filter(query.rootHash()::equals).isPresent();
            damages.add(treeAnchored && leaves.firstDifference != null && leaves.firstDifference.leaf() < size
                    ? new Damage(CHECKPOINT_MISMATCH, leaves.firstDifference.position(),
                                 leaves.firstDifference.index(), "event " + leaves.firstDifference.leaf()
                                         + " of the log is not the one the checkpoint held covers")
                    : new Damage(CHECKPOINT_MISMATCH, null, null, "the log's first " + size + " events do not hash "
                            + "to the root held, and the stored tree was rewritten too: the other damages locate it"));
        }
        checkpoints.ofSize(size).filter(stored -> !stored.rootHash().equals(query.rootHash())).ifPresent(stored ->
                damages.add(new Damage(REWRITTEN_CHECKPOINT, stored.lastPosition(), null, "the stored checkpoint of "
                        + size + " events has root " + stored.rootHash() + ", not the root held")));
    }

    /** The stored tree and every stored checkpoint against the log as it is now. */
    private void stored(AuditedLog audited, Leaves leaves, List<Damage> damages) {
        LogTree.Extent extent = tree.extent();
        boolean named = damages.stream().anyMatch(damage -> damage.kind() == TRUNCATED
                || (damage.kind() == DELETED && extent.lastPosition() <= audited.lastPosition()));
        if (!named && (extent.lastPosition() > audited.lastPosition() || extent.size() > leaves.count)) {
            damages.add(new Damage(TRUNCATED, audited.lastPosition() + 1, null, "the log's tree covered "
                    + extent.size() + " events up to position " + extent.lastPosition() + "; the log now ends at "
                    + "position " + audited.lastPosition() + " with " + leaves.count));
        }
        boolean treeMatchesLog = leaves.firstDifference == null;
        for (Long before = null; ; ) {
            List<Checkpoint> page = checkpoints.newest(before, 1_000);
            if (page.isEmpty()) {
                return;
            }
            for (Checkpoint checkpoint : page) {
                Optional<String> treeRoot = tree.storedRoot(checkpoint.treeSize()).map(MerkleHash::hex);
                boolean signatureFails = signer.publicKey().filter(key -> !CheckpointSigner.verifies(key, checkpoint))
                                               .isPresent();
                if (signatureFails || (treeMatchesLog && treeRoot.isPresent()
                        && !treeRoot.get().equals(checkpoint.rootHash()))) {
                    damages.add(new Damage(REWRITTEN_CHECKPOINT, checkpoint.lastPosition(), null,
                            "the checkpoint of " + checkpoint.treeSize() + " events is not the one recorded: "
                                    + (signatureFails ? "its signature fails" : "its root is not the tree's")));
                }
            }
            before = page.get(page.size() - 1).treeSize();
        }
    }

    private record Difference(long leaf, long position, int index) {
    }

    /**
     * Folds the recomputed leaves into the root of the held checkpoint's size, and compares them a window at a time
     * with the stored tree's leaves, keeping the first that differs.
     */
    private final class Leaves implements LeafSink {

        private final long heldSize;
        private final CompactRange range = CompactRange.of(0, List.of());
        private final List<Difference> window = new ArrayList<>();
        private final List<byte[]> windowHashes = new ArrayList<>();
        private long count;
        private byte[] heldRoot;
        private Difference firstDifference;

        Leaves(long heldSize) {
            this.heldSize = heldSize;
        }

        @Override
        public void leaf(long position, int index, String recomputedHash) {
            byte[] leafHash = MerkleHash.ofEvent(recomputedHash);
            if (count < heldSize) {
                range.append(leafHash);
                if (range.size() == heldSize) {
                    heldRoot = range.root();
                }
            }
            window.add(new Difference(count, position, index));
            windowHashes.add(leafHash);
            count++;
            if (window.size() == LEAF_WINDOW) {
                flush();
            }
        }

        void flush() {
            if (window.isEmpty() || firstDifference != null) {
                window.clear();
                windowHashes.clear();
                return;
            }
            Map<Long, byte[]> stored = tree.leafHashes(window.get(0).leaf(), window.get(0).leaf() + window.size());
            for (int i = 0; i < window.size(); i++) {
                byte[] hash = stored.get(window.get(i).leaf());
                if (hash != null && !Arrays.equals(hash, windowHashes.get(i))) {
                    firstDifference = window.get(i);
                    break;
                }
            }
            window.clear();
            windowHashes.clear();
        }
    }
}
