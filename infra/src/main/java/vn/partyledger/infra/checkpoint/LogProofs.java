package vn.partyledger.infra.checkpoint;

import com.mongodb.client.MongoDatabase;

import java.util.List;
import java.util.Optional;

/** Checkpoints and the proofs against them, read from the stored tree: a handful of key look-ups each. */
public class LogProofs {

    private final LogTree tree;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;

    LogProofs(LogTree tree, CheckpointStore checkpoints, CheckpointSigner signer) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.signer = signer;
    }

    /** The proofs of the log on its database with unsigned checkpoints, for a harness without the application. */
    public static LogProofs of(MongoDatabase database) {
        return new LogProofs(new LogTree(database), new CheckpointStore(database), CheckpointSigner.none());
    }

    /** The newest checkpoints first, those smaller than {@code beforeSize} when given. */
    public List<Checkpoint> checkpoints(Long beforeSize, int limit) {
        return checkpoints.newest(beforeSize, limit);
    }

    public Checkpoint latest() {
        return latestIfAny().orElseThrow(() -> new ProofNotAvailable("No checkpoint is recorded yet."));
    }

    public CheckpointKey key() {
        return signer.publicKey().map(key -> new CheckpointKey("Ed25519", key)).orElseThrow(
                () -> new ProofNotAvailable("Checkpoints are not signed: no signing key is configured."));
    }

    public InclusionProof inclusion(ProveInclusion query) {
        Checkpoint checkpoint = query.treeSize() == null ? latest() : checkpoint(query.treeSize());
        return inclusion(query.eventIdentifier(), checkpoint).orElseThrow(() -> new ProofNotAvailable(
                "Event " + query.eventIdentifier() + " is not among the " + checkpoint.treeSize()
                        + " events of the checkpoint."));
    }

    /** The latest checkpoint, if one is recorded. */
    public Optional<Checkpoint> latestIfAny() {
        return checkpoints.latest();
    }

    /** The event's proof against the checkpoint; empty when the checkpoint does not cover it. */
    public Optional<InclusionProof> inclusion(String eventIdentifier, Checkpoint checkpoint) {
        return tree.leaf(eventIdentifier).filter(found -> found.index() < checkpoint.treeSize()).map(leaf -> {
            List<String> path = tree.rangeHashes(ProofShape.inclusion(leaf.index(), checkpoint.treeSize()))
                                    .stream().map(MerkleHash::hex).toList();
            return new InclusionProof(checkpoint, eventIdentifier, leaf.event().position(), leaf.event().index(),
                                      leaf.event().hash(), leaf.index(), path);
        });
    }

    /** The key checkpoints are signed with, when they are. */
    public Optional<String> publicKey() {
        return signer.publicKey();
    }

    /** {@code first} is at most {@code second}, both tree sizes of recorded checkpoints. */
    public ConsistencyProof consistency(ProveConsistency query) {
        Checkpoint first = checkpoint(query.first());
        Checkpoint second = checkpoint(query.second());
        List<String> proof = tree.rangeHashes(ProofShape.consistency(first.treeSize(), second.treeSize()))
                                 .stream().map(MerkleHash::hex).toList();
        return new ConsistencyProof(first, second, proof);
    }

    private Checkpoint checkpoint(long treeSize) {
        return checkpoints.ofSize(treeSize).orElseThrow(
                () -> new ProofNotAvailable("No checkpoint of tree size " + treeSize + " is recorded."));
    }
}
