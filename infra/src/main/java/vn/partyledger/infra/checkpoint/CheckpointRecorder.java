package vn.partyledger.infra.checkpoint;

import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.partyledger.infra.eventstore.HashedEvent;
import vn.partyledger.infra.eventstore.LogSlice;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows the log in global order, adds each event to the Merkle tree over the log (its hash as stored when appended:
 * a commit found altered is logged, not skipped, so that one damaged commit cannot stop every later checkpoint), and
 * records a checkpoint every
 * {@code everyEvents} events or, when fewer came, every {@code every} (at the end of a commit either way). Its whole
 * state is stored ({@link LogTree}, {@link CheckpointStore}), so a restart goes on where the last stored step ended;
 * nodes that run it at once write the same tree and keep one checkpoint per tree size. Checkpoints are then published,
 * oldest first; one Kafka did not acknowledge is published on a later pass.
 */
public final class CheckpointRecorder {

    private static final Logger log = LoggerFactory.getLogger(CheckpointRecorder.class);

    /** How checkpoints leave the service; awaited, so a checkpoint is marked published only once acknowledged. */
    @FunctionalInterface
    public interface Publication {
        void publish(Checkpoint checkpoint) throws Exception;
    }

    private final MongoEventStorageEngine eventLog;
    private final LogTree tree;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final Publication publication;
    private final Clock clock;
    private final long everyEvents;
    private final Duration every;
    private final int batchSize;

    CheckpointRecorder(MongoEventStorageEngine eventLog, LogTree tree, CheckpointStore checkpoints,
                       CheckpointSigner signer, Publication publication, Clock clock, CheckpointProperties settings) {
        this.eventLog = eventLog;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.publication = publication;
        this.clock = clock;
        this.everyEvents = settings.everyEvents();
        this.every = settings.every();
        this.batchSize = (int) Math.min(settings.batchSize(), settings.everyEvents());
    }

    /** A recorder on the log's database, for a harness that runs it without the application (bench/). */
    public static CheckpointRecorder following(MongoEventStorageEngine eventLog, MongoDatabase database,
                                               CheckpointProperties settings, Clock clock, Publication publication) {
        return new CheckpointRecorder(eventLog, new LogTree(database), new CheckpointStore(database),
                                      settings.signer(), publication, clock, settings);
    }

    /**
     * One pass: the tree brought up to the log's end, the checkpoints due recorded, the unpublished published.
     *
     * @return how many events the tree holds after the pass
     */
    public long catchUp() {
        LogTree.Extent extent = tree.extent();
        CompactRange range = tree.compactRange(extent);
        Optional<Checkpoint> last = checkpoints.latest();
        long checkpointed = last.map(Checkpoint::treeSize).orElse(0L);
        Instant checkpointedAt = last.map(Checkpoint::recordedAt).orElse(Instant.MIN);
        while (true) {
            LogSlice slice = eventLog.readAfter(extent.lastPosition(), batchSize);
            if (slice.lastPosition() == extent.lastPosition()) {
                break;
            }
            slice.damaged().forEach(position -> log.error("The commit at position {} does not match its hashes: it "
                    + "was altered after it was appended. Its events are checkpointed with their hashes as "
                    + "appended, so verification against the checkpoint names the damage", position));
            List<TreeHead> due = new ArrayList<>();
            LogTree.Extent next = append(range, slice, checkpointed, due);
            if (!tree.advance(extent, next)) {
                // another node moved the tree on first: the next pass starts from where it got
                return extent.size();
            }
            extent = next;
            for (TreeHead head : due) {
                checkpointedAt = record(head).recordedAt();
                checkpointed = head.size();
            }
        }
        if (extent.size() > checkpointed && !clock.instant().isBefore(checkpointedAt.plus(every))) {
            record(new TreeHead(extent.size(), range.root(), extent.lastPosition()));
        }
        publish();
        return extent.size();
    }

    /** The tree at the end of a commit. */
    private record TreeHead(long size, byte[] root, long lastPosition) {
    }

    /**
     * Adds the slice's events to the tree and stores what they complete; at the end of each commit that brings the
     * events since the last checkpoint to {@code everyEvents}, notes the tree head in {@code due}.
     */
    private LogTree.Extent append(CompactRange range, LogSlice slice, long checkpointed, List<TreeHead> due) {
        List<Node> completed = new ArrayList<>();
        List<LogTree.Leaf> leaves = new ArrayList<>();
        List<HashedEvent> events = slice.events();
        long since = checkpointed;
        for (int i = 0; i < events.size(); i++) {
            HashedEvent event = events.get(i);
            leaves.add(new LogTree.Leaf(range.size(), event));
            completed.addAll(range.append(MerkleHash.ofEvent(event.hash())));
            boolean commitEnds = i == events.size() - 1 || events.get(i + 1).position() != event.position();
            if (commitEnds && range.size() - since >= everyEvents) {
                due.add(new TreeHead(range.size(), range.root(), event.position()));
                since = range.size();
            }
        }
        tree.store(completed, leaves);
        return new LogTree.Extent(range.size(), slice.lastPosition());
    }

    private Checkpoint record(TreeHead head) {
        Checkpoint checkpoint = signer.sign(new Checkpoint(head.size(), MerkleHash.hex(head.root()),
                                                           head.lastPosition(),
                                                           clock.instant().truncatedTo(ChronoUnit.MILLIS), null));
        checkpoints.record(checkpoint);
        return checkpoint;
    }

    private void publish() {
        for (Checkpoint checkpoint : checkpoints.unpublished()) {
            try {
                publication.publish(checkpoint);
            } catch (Exception e) {
                log.warn("Checkpoint of tree size {} not published yet; retried on the next pass",
                         checkpoint.treeSize(), e);
                return;
            }
            checkpoints.published(checkpoint);
        }
    }
}
