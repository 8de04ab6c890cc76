package vn.partyledger.infra.checkpoint;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import vn.partyledger.infra.eventstore.HashedEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The Merkle tree over the log, as stored (docs/log-proofs.md §3):
 * <ul>
 *     <li>{@value #NODES}: every complete subtree, {@code {_id: "level/index", hash}}, leaves at level 0; a subtree
 *     never changes once complete, so any proof against any tree size is read from here with one {@code $in};</li>
 *     <li>{@value #LEAVES}: where each event stands and its stored hash,
 *     {@code {_id: eventIdentifier, leaf, position, index, hash}};</li>
 *     <li>{@value #STATE}: how far the tree has been built, {@code {_id: "log", size, lastPosition}}.</li>
 * </ul>
 * Nodes and leaves are written before the state moves past them, as upserts of values fixed by the log: a node that
 * dies half-way leaves writes the next one repeats identically.
 */
final class LogTree {

    static final String NODES = "merkle_nodes";
    static final String LEAVES = "merkle_leaves";
    static final String STATE = "merkle_tree";
    private static final String STATE_ID = "log";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> leaves;
    private final MongoCollection<Document> state;

    LogTree(MongoDatabase database) {
        this.nodes = majority(database.getCollection(NODES));
        this.leaves = majority(database.getCollection(LEAVES));
        this.state = majority(database.getCollection(STATE));
        leaves.createIndex(Indexes.ascending("position"));
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

    /** Stores the subtrees and leaves appended; they count only once {@link #advance} moves the extent past them. */
    void store(List<Node> completed, List<Leaf> appended) {
        if (!completed.isEmpty()) {
            nodes.bulkWrite(completed.stream().map(node -> new ReplaceOneModel<Document>(
                    eq("_id", node.key().id()), new Document("_id", node.key().id())
                            .append("hash", MerkleHash.hex(node.hash())), UPSERT)).toList(),
                            new BulkWriteOptions().ordered(false));
        }
        if (!appended.isEmpty()) {
            leaves.bulkWrite(appended.stream().map(leaf -> new ReplaceOneModel<Document>(
                    eq("_id", leaf.event().eventIdentifier()), new Document("_id", leaf.event().eventIdentifier())
                            .append("leaf", leaf.index()).append("position", leaf.event().position())
                            .append("index", leaf.event().index()).append("hash", leaf.event().hash()), UPSERT))
                    .toList(),
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
        Document found = leaves.find(eq("_id", eventIdentifier)).first();
        return Optional.ofNullable(found).map(leaf -> new Leaf(
                ((Number) leaf.get("leaf")).longValue(),
                new HashedEvent(((Number) leaf.get("position")).longValue(), leaf.getInteger("index"),
                                eventIdentifier, leaf.getString("hash"))));
    }

    /** How many events of the commit at {@code position} the tree holds. */
    long leavesAt(long position) {
        return leaves.countDocuments(eq("position", position));
    }

    /** The hash of each range, in order, from the stored subtrees. */
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
        List<NodeKey> keys = new ArrayList<>();
        for (long leaf = from; leaf < to; leaf++) {
            keys.add(new NodeKey(0, leaf));
        }
        Map<String, byte[]> found = hashes(keys);
        Map<Long, byte[]> byLeaf = new HashMap<>();
        keys.forEach(key -> {
            if (found.containsKey(key.id())) {
                byLeaf.put(key.index(), found.get(key.id()));
            }
        });
        return byLeaf;
    }

    /** The root of the first {@code size} leaves from the stored subtrees; empty when some are missing. */
    Optional<byte[]> storedRoot(long size) {
        List<NodeKey> keys = new TreeRange(0, size).subtrees();
        Map<String, byte[]> found = hashes(keys);
        if (!keys.stream().allMatch(key -> found.containsKey(key.id()))) {
            return Optional.empty();
        }
        return Optional.of(TreeRange.fold(keys.stream().map(key -> found.get(key.id())).toList()));
    }

    private Map<String, byte[]> hashes(Collection<NodeKey> keys) {
        Map<String, byte[]> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> ids = keys.stream().map(NodeKey::id).distinct().toList();
        for (Document node : nodes.find(in("_id", ids)).batchSize(Math.max(2, ids.size()))) {
            found.put(node.getString("_id"), MerkleHash.bytes(node.getString("hash")));
        }
        return found;
    }

    private static byte[] require(Map<String, byte[]> found, NodeKey key) {
        byte[] hash = found.get(key.id());
        if (hash == null) {
            throw new IllegalStateException("the subtree " + key.id() + " of the log's tree is missing from " + NODES);
        }
        return hash;
    }
}
