package vn.partyledger.query.batch;

import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Filters;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * before the batch's token is stored, because Axon registers storing the token first (ADR 0038).
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
    private final Set<String> events = new HashSet<>();
    private final List<Runnable> beforeToken = new ArrayList<>();
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

    PendingCollection of(MongoCollection<Document> collection) {
        return collections.computeIfAbsent(collection.getNamespace(), namespace -> new PendingCollection(collection));
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

    /** Sends the writes held so far, update operators first (ADR 0038), and forgets what was read ahead. */
    private void sendWrites() {
        try {
            collections.values().stream().filter(pending -> !pending.wholeDocuments()).forEach(PendingCollection::flush);
            collections.values().stream().filter(PendingCollection::wholeDocuments).forEach(PendingCollection::flush);
        } catch (MongoException refused) {
            WRITING_AT_ONCE.addAll(events);
            throw refused;
        }
    }

    /**
     * One collection's pending writes, in the order they were made. A whole document replaced twice in the batch is
     * written once, as it was last; a handler reads what an earlier event of the batch left.
     */
    static final class PendingCollection {
        private static final DocumentCodec CODEC = new DocumentCodec();

        private final MongoCollection<Document> collection;
        private final List<WriteModel<Document>> writes = new ArrayList<>();
        private final Map<Object, Integer> replaced = new LinkedHashMap<>();
        private final Map<Object, Document> documents = new LinkedHashMap<>();
        private Map<Object, Document> readAhead;

        private PendingCollection(MongoCollection<Document> collection) {
            this.collection = collection;
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
            return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
        }

        private Map<Object, Document> readAhead(List<?> ids) {
            Map<Object, Document> found = new HashMap<>();
            ids.forEach(id -> found.put(id, null));
            if (!ids.isEmpty()) {
                collection.find(Filters.in("_id", ids)).batchSize(ids.size())
                        .forEach(document -> found.put(document.get("_id"), document));
            }
            return found;
        }

        /** A copy, so a handler that changes it and then fails leaves the batch as it was. */
        private static Document copy(Document document) {
            return new RawBsonDocument(document, CODEC).decode(CODEC);
        }

        void replace(Object id, Document document, WriteModel<Document> write) {
            documents.put(id, document);
            Integer earlier = replaced.get(id);
            if (earlier == null) {
                replaced.put(id, writes.size());
                writes.add(write);
            } else {
                writes.set(earlier, write);
            }
        }

        void add(WriteModel<Document> write) {
            writes.add(write);
        }

        private void flush() {
            if (!writes.isEmpty()) {
                collection.bulkWrite(List.copyOf(writes), new BulkWriteOptions().ordered(true));
                writes.clear();
            }
            replaced.clear();
            documents.clear();
            readAhead = null;
        }
    }
}
