package vn.partyledger.query.batch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event whose batch the store once refused is written at once when handled again, by any projection (ADR 0038).
 * In a batch of other events, what it writes goes straight to the store: what the batch held before it is sent first,
 * and what the batch read ahead is forgotten, so a later event of the batch finds its write.
 */
class ProjectionBatchTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> notes;
    private BatchedDocuments batchedNotes;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        notes = client.getDatabase("test").getCollection("notes");
        batchedNotes = new BatchedDocuments(notes, event -> Stream.of("member-1"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aLaterEventOfTheBatchFindsWhatAnEventWrittenAtOnceWrote() throws Exception {
        EventMessage<?> first = event(0);
        EventMessage<?> writtenAtOnce = event(1);
        EventMessage<?> last = event(2);
        refusedInABatch(writtenAtOnce);
        List<Optional<Document>> read = new ArrayList<>();

        new BatchingUnitOfWork<>(List.of(first, writtenAtOnce, last)).executeWithResult(() -> {
            EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            if (event == first) {
                read.add(batchedNotes.find("member-1"));
                batchedNotes.replace(new Document("_id", "member-2").append("by", "first"));
            } else if (event == writtenAtOnce) {
                batchedNotes.replace(new Document("_id", "member-1").append("by", "written at once"));
            } else {
                read.add(batchedNotes.find("member-1"));
            }
            return null;
        });

        assertThat(read.get(0)).as("read ahead, before anything was written").isEmpty();
        assertThat(read.get(1)).as("read after the event written at once")
                .hasValueSatisfying(note -> assertThat(note.getString("by")).isEqualTo("written at once"));
        assertThat(notes.find(Filters.eq("_id", "member-2")).first()).as("the batch's own write, sent too")
                .isNotNull();
    }

    @Test
    void whatABatchAddsToASetAfterDeletingItsDocumentStartsTheSetAfresh() {
        BatchedUpdates sets = new BatchedUpdates(notes);
        EventMessage<?> adding = event(0);
        EventMessage<?> deleting = event(1);
        EventMessage<?> addingAgain = event(2);

        new BatchingUnitOfWork<>(List.of(adding, deleting, addingAgain)).executeWithResult(() -> {
            EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            if (event == adding) {
                sets.addToSet("kp1", "memberIds", "m1", true);
                sets.addToSet("kp1", "memberIds", "m2", true);
            } else if (event == deleting) {
                sets.deleteOne("kp1");
            } else {
                sets.addToSet("kp1", "memberIds", "m3", true);
            }
            return null;
        });

        assertThat(notes.find(Filters.eq("_id", "kp1")).first().getList("memberIds", String.class))
                .containsExactly("m3");
    }

    /**
     * The second event's handler replaces a document the first replaced, adds to a set the first added to and to a new
     * one, sets a field, deletes a document whose set the first added to, and fails: the batch writes what the first
     * event left, as if the second had not been handled (FailedHandlerUndone).
     */
    @Test
    void whatAFailedHandlerQueuedIsTakenBackAndTheRestOfTheBatchIsWritten() {
        notes.insertOne(new Document("_id", "kp2").append("kept", true));
        BatchedUpdates sets = new BatchedUpdates(notes);
        EventMessage<?> succeeding = event(0);
        EventMessage<?> failing = event(1);
        EventMessage<?> after = event(2);

        new BatchingUnitOfWork<>(List.of(succeeding, failing, after)).executeWithResult(() -> {
            EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            ProjectionBatch.handlerStarted();
            if (event == succeeding) {
                batchedNotes.replace(new Document("_id", "member-1").append("by", "succeeding"));
                sets.addToSet("kp1", "memberIds", "m1", true);
                sets.addToSet("kp3", "memberIds", "m1", true);
            } else if (event == failing) {
                batchedNotes.replace(new Document("_id", "member-1").append("by", "failing"));
                batchedNotes.replace(new Document("_id", "member-9").append("by", "failing"));
                sets.addToSet("kp1", "memberIds", "m2", true);
                sets.addToSet("kp2", "memberIds", "m2", true);
                sets.updateOne(Filters.eq("_id", "kp2"), Updates.set("kept", false), new UpdateOptions());
                sets.deleteOne("kp3");
                ProjectionBatch.handlerFailed();
            } else {
                assertThat(batchedNotes.find("member-1")).hasValueSatisfying(
                        note -> assertThat(note.getString("by")).isEqualTo("succeeding"));
                assertThat(batchedNotes.find("member-9")).isEmpty();
            }
            return null;
        });

        assertThat(notes.find(Filters.eq("_id", "member-1")).first().getString("by")).isEqualTo("succeeding");
        assertThat(notes.find(Filters.eq("_id", "member-9")).first()).isNull();
        assertThat(notes.find(Filters.eq("_id", "kp1")).first().getList("memberIds", String.class))
                .containsExactly("m1");
        assertThat(notes.find(Filters.eq("_id", "kp2")).first()).isEqualTo(new Document("_id", "kp2")
                .append("kept", true));
        assertThat(notes.find(Filters.eq("_id", "kp3")).first().getList("memberIds", String.class))
                .containsExactly("m1");
    }

    @Test
    void aBatchOfARebuildsSizeReadsAheadEveryDocumentItsEventsName() {
        for (int member = 0; member < 1000; member += 2) {
            notes.insertOne(new Document("_id", "member-" + member).append("seen", member));
        }
        BatchedDocuments perMember = new BatchedDocuments(notes,
                event -> Stream.of("member-" + ((DomainEventMessage<?>) event).getSequenceNumber()));
        List<EventMessage<?>> events = new ArrayList<>();
        for (long member = 0; member < 1000; member++) {
            events.add(event(member));
        }
        List<Integer> found = new ArrayList<>();

        new BatchingUnitOfWork<>(events).executeWithResult(() -> {
            DomainEventMessage<?> event = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            perMember.find("member-" + event.getSequenceNumber())
                    .ifPresent(note -> found.add(note.getInteger("seen")));
            return null;
        });

        assertThat(found).hasSize(500).allMatch(seen -> seen % 2 == 0).isSorted();
    }

    /** A batch of {@code event} alone whose bulk write the store refuses: the event is remembered to write at once. */
    private void refusedInABatch(EventMessage<?> event) {
        notes.insertOne(new Document("_id", "damaged").append("count", "not a number"));
        BatchedUpdates counts = new BatchedUpdates(notes);
        BatchingUnitOfWork<?> refused = new BatchingUnitOfWork<>(List.of(event));
        refused.executeWithResult(() -> {
            counts.updateOne(Filters.eq("_id", "damaged"), Updates.set("count.of", 1), new UpdateOptions());
            return null;
        });
        assertThat(refused.isRolledBack()).as("the batch refused by the store").isTrue();
        notes.deleteOne(Filters.eq("_id", "damaged"));
    }

    private static EventMessage<?> event(long sequence) {
        return new GenericDomainEventMessage<>("Member", "member-1", sequence, "note " + sequence);
    }
}
