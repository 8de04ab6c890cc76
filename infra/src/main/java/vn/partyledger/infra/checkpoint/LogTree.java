package vn.partyledger.infra.checkpoint;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import vn.partyledger.infra.eventstore.HashedEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The Merkle tree over the log, as stored (docs/log-proofs.md §3):
 * <ul>
 *     <li>{@value #LEAVES}: each event's place and stored hash, {@code {_id: leaf, eventIdentifier, position, index,
 *     aggregateIdentifier, sequenceNumber, hash}}, the leaf hash being {@code SHA-256(0x00 || hash)};</li>
 *     <li>{@value #NODES}: every complete subtree of at least 2^{@value #STORED_FROM_LEVEL} leaves,
 *     {@code {_id: "level/index", hash}}; a subtree never changes once complete. Smaller ones are recomputed from
 *     their leaves when a proof needs them, so the tree writes one leaf and a sixteenth of a node per event;</li>
 *     <li>{@value #STATE}: how far the tree has been built, {@code {_id: "log", size, lastPosition}}.</li>
 * </ul>
 * Nodes and leaves are written before the state moves past them, as upserts of values fixed by the log: a node that
 * dies half-way leaves writes the next one repeats identically.
 */
final class LogTree {

    static final String NODES = "merkle_nodes";
    static final String LEAVES = "merkle_leaves";
    static final String STATE = "merkle_tree";
    /** Subtrees of fewer leaves are not stored: at most 8 more leaves are read for each one a proof needs. */
    static final int STORED_FROM_LEVEL = 4;
    private static final String STATE_ID = "log";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> leaves;
    private final MongoCollection<Document> state;

    LogTree(MongoDatabase database) {
        this.nodes = majority(database.getCollection(NODES));
        this.leaves = majority(database.getCollection(LEAVES));
        this.state = majority(database.getCollection(STATE));
        leaves.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
        leaves.createIndex(Indexes.ascending("position"));
        leaves.createIndex(Indexes.ascending("aggregateIdentifier"));
        state.updateOne(eq("_id", STATE_ID), Updates.combine(Updates.setOnInsert("size", 0L),
                                                             Updates.setOnInsert("lastPosition", 0L)),
                        new UpdateOptions().upsert(true));
    }

    private static MongoCollection<Document> majority(MongoCollection<Document> collection) {
        return collection.withWriteConcern(WriteConcern.MAJORITY).withReadConcern(ReadConcern.MAJORITY);
    }

    /** How many leaves the tree holds and the last log position they cover. */
    record Extent(long size, long lastPosition) {
    }

    Extent extent() {
        Document current = state.find(eq("_id", STATE_ID)).first();
        return new Extent(((Number) current.get("size")).longValue(),
                          ((Number) current.get("lastPosition")).longValue());
    }

    /** The right edge of the tree as far as it is built, to go on appending from. */
    CompactRange compactRange(Extent extent) {
        List<NodeKey> keys = CompactRange.edge(extent.size());
        Map<String, byte[]> found = hashes(keys);
        List<Node> edge = new ArrayList<>();
        for (NodeKey key : keys) {
            edge.add(new Node(key, require(found, key)));
        }
        return CompactRange.of(extent.size(), edge);
    }

    /** Stores the leaves appended and the large subtrees they complete; they count once {@link #advance} moves on. */
    void store(List<Node> completed, List<Leaf> appended) {
        List<ReplaceOneModel<Document>> large = completed.stream()
                .filter(node -> node.key().level() >= STORED_FROM_LEVEL)
                .map(node -> new ReplaceOneModel<>(eq("_id", node.key().id()),
                        new Document("_id", node.key().id()).append("hash", MerkleHash.hex(node.hash())), UPSERT))
                .toList();
        if (!large.isEmpty()) {
            nodes.bulkWrite(large, new BulkWriteOptions().ordered(false));
        }
        if (!appended.isEmpty()) {
            leaves.bulkWrite(appended.stream().map(leaf -> new ReplaceOneModel<Document>(
                    eq("_id", leaf.index()), new Document("_id", leaf.index())
                            .append("eventIdentifier", leaf.event().eventIdentifier())
                            .append("position", leaf.event().position()).append("index", leaf.event().index())
                            .append("aggregateIdentifier", leaf.event().aggregateIdentifier())
                            .append("sequenceNumber", leaf.event().sequenceNumber())
                            .append("hash", leaf.event().hash()), UPSERT)).toList(),
                             new BulkWriteOptions().ordered(false));
        }
    }

    /** Moves the extent on from {@code from}; false when another node moved it first. */
    boolean advance(Extent from, Extent to) {
        return state.updateOne(and(eq("_id", STATE_ID), eq("size", from.size())),
                               Updates.combine(Updates.set("size", to.size()),
                                               Updates.set("lastPosition", to.lastPosition())))
                    .getModifiedCount() == 1;
    }

    /** An event placed in the tree. */
    record Leaf(long index, HashedEvent event) {
    }

    /** Where an event stands in the tree, if it is in it yet. */
    Optional<Leaf> leaf(String eventIdentifier) {
        return Optional.ofNullable(leaves.find(eq("eventIdentifier", eventIdentifier)).first()).map(LogTree::leafOf);
    }

    private static Leaf leafOf(Document leaf) {
        Number sequence = (Number) leaf.get("sequenceNumber");
        return new Leaf(((Number) leaf.get("_id")).longValue(),
                        new HashedEvent(((Number) leaf.get("position")).longValue(), leaf.getInteger("index"),
                                        leaf.getString("eventIdentifier"), leaf.getString("aggregateIdentifier"),
                                        sequence == null ? null : sequence.longValue(), leaf.getString("hash")));
    }

    /** The aggregate's events the tree holds, lowest sequence number first. */
    List<Leaf> leavesOf(String aggregateIdentifier) {
        List<Leaf> found = new ArrayList<>();
        leaves.find(eq("aggregateIdentifier", aggregateIdentifier)).forEach(leaf -> found.add(leafOf(leaf)));
        found.sort(Comparator.comparing(leaf -> leaf.event().sequenceNumber()));
        return found;
    }

    /** How many events of the commit at {@code position} the tree holds. */
    long leavesAt(long position) {
        return leaves.countDocuments(eq("position", position));
    }

    /** The hash of each range, in order, from the stored subtrees and leaves. */
    List<byte[]> rangeHashes(List<TreeRange> ranges) {
        Map<String, byte[]> found = hashes(ranges.stream().flatMap(range -> range.subtrees().stream()).toList());
        List<byte[]> result = new ArrayList<>(ranges.size());
        for (TreeRange range : ranges) {
            result.add(TreeRange.fold(range.subtrees().stream().map(key -> require(found, key)).toList()));
        }
        return result;
    }

    /** The stored leaf hashes of leaves {@code from} to {@code to} (exclusive), by leaf index; absent ones missing. */
    Map<Long, byte[]> leafHashes(long from, long to) {
        List<Long> indexes = new ArrayList<>();
        for (long leaf = from; leaf < to; leaf++) {
            indexes.add(leaf);
        }
        return leafHashes(indexes);
    }

    private Map<Long, byte[]> leafHashes(List<Long> indexes) {
        Map<Long, byte[]> found = new HashMap<>();
        if (indexes.isEmpty()) {
            return found;
        }
        for (Document leaf : leaves.find(in("_id", indexes)).batchSize(Math.max(2, indexes.size()))) {
            found.put(((Number) leaf.get("_id")).longValue(), MerkleHash.ofEvent(leaf.getString("hash")));
        }
        return found;
    }

    /** The root of the first {@code size} leaves from the stored tree; empty when some of it is missing. */
    Optional<byte[]> storedRoot(long size) {
        List<NodeKey> keys = new TreeRange(0, size).subtrees();
        Map<String, byte[]> found = hashes(keys);
        if (!keys.stream().allMatch(key -> found.containsKey(key.id()))) {
            return Optional.empty();
        }
        return Optional.of(TreeRange.fold(keys.stream().map(key -> found.get(key.id())).toList()));
    }

    /** Large subtrees as stored, small ones folded from their leaves; absent ones missing from the map. */
    private Map<String, byte[]> hashes(Collection<NodeKey> keys) {
        Map<String, byte[]> found = new HashMap<>();
        List<String> stored = keys.stream().filter(key -> key.level() >= STORED_FROM_LEVEL).map(NodeKey::id)
                                  .distinct().toList();
        if (!stored.isEmpty()) {
            for (Document node : nodes.find(in("_id", stored)).batchSize(Math.max(2, stored.size()))) {
                found.put(node.getString("_id"), MerkleHash.bytes(node.getString("hash")));
            }
        }
        List<NodeKey> small = keys.stream().filter(key -> key.level() < STORED_FROM_LEVEL).distinct().toList();
        List<Long> leafIndexes = small.stream()
                .flatMap(key -> LongStream.range(key.start(), key.end()).boxed()).distinct().toList();
        Map<Long, byte[]> leafHashes = leafHashes(leafIndexes);
        for (NodeKey key : small) {
            List<byte[]> level = new ArrayList<>();
            for (long leaf = key.start(); leaf < key.end() && leafHashes.containsKey(leaf); leaf++) {
                level.add(leafHashes.get(leaf));
            }
            if (level.size() == key.end() - key.start()) {
                found.put(key.id(), complete(level));
            }
        }
        return found;
    }

    /** The hash of a complete subtree from its leaf hashes (a power of two of them), pair by pair upwards. */
    private static byte[] complete(List<byte[]> level) {
        List<byte[]> current = level;
        while (current.size() > 1) {
            List<byte[]> up = new ArrayList<>(current.size() / 2);
            for (int i = 0; i < current.size(); i += 2) {
                up.add(MerkleHash.node(current.get(i), current.get(i + 1)));
            }
            current = up;
        }
        return current.get(0);
    }

    private static byte[] require(Map<String, byte[]> found, NodeKey key) {
        byte[] hash = found.get(key.id());
        if (hash == null) {
            throw new IllegalStateException("the subtree " + key.id() + " of the log's tree is missing from "
                                                    + NODES + " or " + LEAVES);
        }
        return hash;
    }
}
