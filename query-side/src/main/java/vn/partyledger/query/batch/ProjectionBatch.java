package vn.partyledger.query.batch;

import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The projection writes of one Axon unit of work: a pooled processor's batch of events, or the single event of any
 * other unit of work (a dead letter retried, a subscribing handler). Kept as a resource of the root unit of work, so
 * each segment's batch, on its own thread, has its own. The writes are sent when the unit of work prepares its commit,
 * one ordered bulk write per collection; in a pooled processor's batch {@link #flushCurrent()} sends them earlier, just
 * before the batch's token is stored, because Axon registers storing the token first (ADR 0038). What a handler
 * queues can be taken back until it returns: a handler that fails leaves nothing of its event in the writes
 * ({@link FailedHandlerUndone}, ADR 0062).
 */
public final class ProjectionBatch {

    private static final String RESOURCE = ProjectionBatch.class.getName();
    private static final int REMEMBERED_EVENTS = 10_000;

    /**
     * The events of batches whose bulk write failed, the latest {@value #REMEMBERED_EVENTS}. Handled again, they write
     * at once, so the one the store refuses fails in its own handler, where the dead-letter queue parks it alone and
     * the others go on, as when every event wrote at once.
     */
    private static final Set<String> WRITING_AT_ONCE = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_EVENTS;
                }
            }));

    private final Map<MongoNamespace, PendingCollection> collections = new LinkedHashMap<>();
    private final Map<BatchedChangeCounts, Set<Object>> changesCounted = new LinkedHashMap<>();
    private final Set<String> events = new HashSet<>();
    private final List<Runnable> beforeToken = new ArrayList<>();
    /** How to take back what the handler running now has queued, latest first. */
    private final Deque<Runnable> handlerUndo = new ArrayDeque<>();
    private final List<? extends Message<?>> messages;

    private ProjectionBatch(List<? extends Message<?>> messages) {
        this.messages = messages;
    }

    /** The batch of the unit of work handling the current event; empty when an event is handled outside of one. */
    static Optional<ProjectionBatch> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> root = current.root();
        // a unit of work made for no one message (Axon retrying dead letters) has no event to remember
        String event = current.getMessage() == null ? null : current.getMessage().getIdentifier();
        if (root.phase() != UnitOfWork.Phase.STARTED) {
            return Optional.empty();
        }
        if (WRITING_AT_ONCE.contains(event)) {
            // what the batch holds goes first, and what it read ahead is forgotten: the event's writes go straight to
            // the store, where a later event of the batch must find them
            ProjectionBatch open = root.getResource(RESOURCE);
            if (open != null) {
                open.sendWrites();
            }
            return Optional.empty();
        }
        ProjectionBatch batch = root.getOrComputeResource(RESOURCE, key -> {
            ProjectionBatch opened = new ProjectionBatch(messagesOf(root));
            root.onPrepareCommit(unitOfWork -> opened.flush());
            return opened;
        });
        if (event != null) {
            batch.events.add(event);
        }
        return Optional.of(batch);
    }

    /** The events the unit of work handles: a pooled processor's whole batch, or its one event. */
    private static List<? extends Message<?>> messagesOf(UnitOfWork<?> root) {
        return root instanceof BatchingUnitOfWork<?> batching ? batching.getMessages()
                                                              : Stream.ofNullable(root.getMessage()).toList();
    }

    /**
     * Runs {@code action} when the current batch's writes are sent, before its token is stored; at once outside a
     * batch. The integration publisher awaits there the broker's acknowledgements of the batch's messages, so that its
     * token, like a projection's, never passes an event whose effect is not durable. An action that throws fails the
     * batch, which is handled again from the token before.
     */
    public static void beforeToken(Runnable action) {
        current().ifPresentOrElse(batch -> batch.beforeToken.add(action), action);
    }

    /**
     * Sends the writes the current unit of work holds, if any; called before a token is stored, so a token is never
     * ahead of the documents of the events it covers.
     */
    public static void flushCurrent() {
        if (CurrentUnitOfWork.isStarted()) {
            ProjectionBatch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (batch != null) {
                batch.flush();
            }
        }
    }

    /** A handler of the current unit of work starts: what it queues can be taken back until it returns. */
    static void handlerStarted() {
        open().ifPresent(batch -> batch.handlerUndo.clear());
    }

    /**
     * A handler of the current unit of work failed: what it queued in the batch is taken back, so that an event the
     * dead-letter queue parks leaves no part of its effect in the batch's writes.
     */
    static void handlerFailed() {
        open().ifPresent(batch -> {
            while (!batch.handlerUndo.isEmpty()) {
                batch.handlerUndo.pop().run();
            }
        });
    }

    /** The batch the current unit of work holds, if it has one already. */
    private static Optional<ProjectionBatch> open() {
        return CurrentUnitOfWork.isStarted()
                ? Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(RESOURCE))
                : Optional.empty();
    }

    PendingCollection of(MongoCollection<Document> collection) {
        return collections.computeIfAbsent(collection.getNamespace(),
                namespace -> new PendingCollection(collection, handlerUndo));
    }

    /**
     * The document with {@code _id} {@code id} as this batch left it, else as stored. The first read of a collection
     * in the batch reads ahead, with one {@code $in}, every document {@code idsRead} names from the batch's events,
     * so that the events of the batch cost one round trip between them rather than one each; an id read ahead and not
     * stored is known absent. Read ahead at once, the documents are those the batch would have read one by one: each
     * is one member's, and a member's events are handled in order by one segment (ADR 0038).
     */
    Optional<Document> read(MongoCollection<Document> collection, Object id,
                            Function<Message<?>, Stream<?>> idsRead) {
        return of(collection).read(id, () -> messages.stream().<Object>flatMap(idsRead).distinct().toList());
    }

    /**
     * Sends the writes; if the store refuses one, the batch fails and its events write at once when handled again.
     * The collections changed by update operators go first: a projection that skips the events a whole document says
     * it applied (its sequence number) then never skips an event whose updates were not sent (ADR 0038).
     */
    private void flush() {
        sendWrites();
        List<Runnable> actions = List.copyOf(beforeToken);
        beforeToken.clear();
        actions.forEach(Runnable::run);
    }

    /** Counts a change of what {@code id} stands for once in the batch, after its other writes. */
    void countChange(BatchedChangeCounts counters, Object id) {
        changesCounted.computeIfAbsent(counters, none -> new LinkedHashSet<>()).add(id);
    }

    /**
     * Sends the writes held so far, update operators first (ADR 0038), then the change counts, which follow what they
     * count (ADR 0055), and forgets what was read ahead.
     */
    private void sendWrites() {
        try {
            collections.values().stream().filter(pending -> !pending.wholeDocuments()).forEach(PendingCollection::flush);
            collections.values().stream().filter(PendingCollection::wholeDocuments).forEach(PendingCollection::flush);
            changesCounted.forEach(ProjectionBatch::sendCounts);
            changesCounted.clear();
        } catch (MongoException refused) {
            WRITING_AT_ONCE.addAll(events);
            throw refused;
        }
    }

    private static void sendCounts(BatchedChangeCounts counters, Set<Object> ids) {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        counters.collection().bulkWrite(ids.stream().<WriteModel<Document>>map(id -> new UpdateOneModel<>(
                        Filters.eq("_id", id), Updates.inc(counters.field(), 1L), upsert)).toList(),
                new BulkWriteOptions().ordered(true));
    }

    /**
     * One collection's pending writes. Update operators are sent in the order they were made, except that the values
     * a batch adds to one set of one document go as one {@code $addToSet} at the place of the first. A whole document
     * replaced twice in the batch is written once, as it was last; a handler reads what an earlier event of the batch
     * left. A whole document the batch found absent from the store is inserted rather than upserted, which spares the
     * store a look-up and an update per new document; inserts go before replacements, each document being written once
     * per batch, so that a bulk write of both kinds is two commands rather than one per change of kind (ADR 0038).
     */
    static final class PendingCollection {
        private static final DocumentCodec CODEC = new DocumentCodec();
        private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
        private static final int READ_AT_ONCE = 100;

        private final MongoCollection<Document> collection;
        private final Deque<Runnable> handlerUndo;
        private final List<WriteModel<Document>> writes = new ArrayList<>();
        private final Map<SetOfDocument, SetAdditions> setAdditions = new HashMap<>();
        private final Map<Object, Document> documents = new LinkedHashMap<>();
        /** The ids this batch found absent from the store, read ahead or asked one by one. */
        private final Set<Object> absent = new HashSet<>();
        private Map<Object, Document> readAhead;

        private PendingCollection(MongoCollection<Document> collection, Deque<Runnable> handlerUndo) {
            this.collection = collection;
            this.handlerUndo = handlerUndo;
        }

        /** Whether the collection holds documents read and written whole, rather than changed by operators. */
        private boolean wholeDocuments() {
            return readAhead != null || !documents.isEmpty();
        }

        private Optional<Document> read(Object id, Supplier<List<?>> idsRead) {
            Document held = documents.get(id);
            if (held != null) {
                return Optional.of(copy(held));
            }
            if (readAhead == null) {
                readAhead = readAhead(idsRead.get());
            }
            if (readAhead.containsKey(id)) {
                // handed over once, uncopied: a later read finds the handler's write, or the store's unchanged copy
                return readAhead.get(id) == null ? Optional.empty() : Optional.of(readAhead.remove(id));
            }
            Document stored = collection.find(Filters.eq("_id", id)).first();
            if (stored == null) {
                absent.add(id);
            }
            return Optional.ofNullable(stored);
        }

        /**
         * Reads 100 ids per {@code $in}: the embedded server matches a {@code $in} by comparing each document with
         * each id, so a rebuild's batch of 1,000 events read at once would cost more than ten reads of 100.
         */
        private Map<Object, Document> readAhead(List<?> ids) {
            Map<Object, Document> found = new HashMap<>();
            ids.forEach(id -> found.put(id, null));
            for (int first = 0; first < ids.size(); first += READ_AT_ONCE) {
                List<?> some = ids.subList(first, Math.min(ids.size(), first + READ_AT_ONCE));
                collection.find(Filters.in("_id", some)).batchSize(some.size())
                        .forEach(document -> found.put(document.get("_id"), document));
            }
            found.forEach((id, document) -> {
                if (document == null) {
                    absent.add(id);
                }
            });
            return found;
        }

        /**
         * A copy, so a handler that changes it and then fails leaves the batch as it was, with the types the store
         * gives back. A document of documents, lists, strings, numbers, booleans and nulls, which is what the read
         * models write, is copied container by container, as the codec would give it back (every list an
         * {@code ArrayList}): going through the codec was a third of a rebuild batch's reads. A document with any
         * other value is encoded and decoded.
         */
        static Document copy(Document document) {
            if (!plain(document)) {
                return new RawBsonDocument(document, CODEC).decode(CODEC);
            }
            return (Document) copyOfPlain(document);
        }

        private static boolean plain(Object value) {
            if (value instanceof Document document) {
                return document.values().stream().allMatch(PendingCollection::plain);
            }
            if (value instanceof List<?> list) {
                return list.stream().allMatch(PendingCollection::plain);
            }
            return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean;
        }

        private static Object copyOfPlain(Object value) {
            if (value instanceof Document document) {
                Document copied = new Document();
                document.forEach((field, inner) -> copied.put(field, copyOfPlain(inner)));
                return copied;
            }
            if (value instanceof List<?> list) {
                List<Object> copied = new ArrayList<>(list.size());
                list.forEach(element -> copied.add(copyOfPlain(element)));
                return copied;
            }
            return value;
        }

        void replace(Object id, Document document) {
            Document before = documents.put(id, document);
            handlerUndo.push(() -> {
                if (before == null) {
                    documents.remove(id);
                } else {
                    documents.put(id, before);
                }
            });
        }

        void add(WriteModel<Document> write) {
            writes.add(write);
            handlerUndo.push(this::dropLastWrite);
        }

        /** Undoes the latest write queued: undone latest first, it is the last of the list. */
        private void dropLastWrite() {
            writes.remove(writes.size() - 1);
        }

        /**
         * Adds {@code value} to the set {@code field} of the document {@code id}, created if {@code upsert}; with the
         * values added to it earlier in the batch, unless the document was deleted since.
         */
        void addToSet(Object id, String field, Object value, boolean upsert) {
            SetOfDocument set = new SetOfDocument(id, field, upsert);
            SetAdditions additions = setAdditions.get(set);
            if (additions == null) {
                additions = new SetAdditions(writes.size());
                setAdditions.put(set, additions);
                writes.add(null);
                handlerUndo.push(() -> {
                    setAdditions.remove(set);
                    dropLastWrite();
                });
            }
            List<Object> values = additions.values;
            values.add(value);
            handlerUndo.push(() -> values.remove(values.size() - 1));
        }

        /** Deletes the document {@code id}, after what the batch added to its sets. */
        void delete(Object id) {
            Map<SetOfDocument, SetAdditions> placed = new HashMap<>();
            setAdditions.entrySet().removeIf(added -> {
                if (added.getKey().id().equals(id)) {
                    placeWrite(added.getKey(), added.getValue());
                    placed.put(added.getKey(), added.getValue());
                    return true;
                }
                return false;
            });
            writes.add(new DeleteOneModel<>(Filters.eq("_id", id)));
            handlerUndo.push(() -> {
                dropLastWrite();
                placed.forEach((set, additions) -> {
                    writes.set(additions.place, null);
                    setAdditions.put(set, additions);
                });
            });
        }

        private void placeWrite(SetOfDocument set, SetAdditions additions) {
            writes.set(additions.place, new UpdateOneModel<>(Filters.eq("_id", set.id()),
                    Updates.addEachToSet(set.field(), additions.values), new UpdateOptions().upsert(set.upsert())));
        }

        private List<WriteModel<Document>> wholeDocumentWrites() {
            List<WriteModel<Document>> inserts = new ArrayList<>();
            List<WriteModel<Document>> replacements = new ArrayList<>();
            documents.forEach((id, document) -> {
                if (absent.contains(id)) {
                    inserts.add(new InsertOneModel<>(document));
                } else {
                    replacements.add(new ReplaceOneModel<>(Filters.eq("_id", id), document, UPSERT));
                }
            });
            inserts.addAll(replacements);
            return inserts;
        }

        private void flush() {
            setAdditions.forEach(this::placeWrite);
            List<WriteModel<Document>> all = new ArrayList<>(writes);
            all.addAll(wholeDocumentWrites());
            if (!all.isEmpty()) {
                collection.bulkWrite(all, new BulkWriteOptions().ordered(true));
            }
            writes.clear();
            setAdditions.clear();
            documents.clear();
            absent.clear();
            readAhead = null;
            handlerUndo.clear();
        }

        /** A set of one document, and whether an addition creates the document. */
        private record SetOfDocument(Object id, String field, boolean upsert) {
        }

        /** The values a batch adds to one set, and the place of its write among the collection's. */
        private static final class SetAdditions {
            private final int place;
            private final List<Object> values = new ArrayList<>();

            private SetAdditions(int place) {
                this.place = place;
            }
        }
    }
}
