package vn.partyledger.infra.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.infra.checkpoint.Checkpoint;
import vn.partyledger.infra.checkpoint.InclusionProof;
import vn.partyledger.infra.checkpoint.LogProofs;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;
import vn.partyledger.infra.eventstore.StoredEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a record's history from the log for an export (docs/log-proofs.md §8): the stream a batch at a time, each
 * event as stored with its inclusion proof against the latest checkpoint, handed to a sink as it is read, so memory
 * is one batch whatever the history's length. The export is a prefix of the stream: from the first event the
 * checkpoint does not cover (appended after it), the events are counted, not written.
 */
public class HistoryExport {

    private final MongoEventStorageEngine log;
    private final LogProofs proofs;
    private final ObjectMapper json;
    private final Clock clock;

    public HistoryExport(MongoEventStorageEngine log, LogProofs proofs, ObjectMapper json, Clock clock) {
        this.log = log;
        this.proofs = proofs;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The checkpoint the export will be proved against; {@link HistoryNotFound} when the log holds no such record,
     * {@code ProofNotAvailable} when no checkpoint is recorded yet. Called before anything is sent.
     */
    public Checkpoint prepare(HistoryScope scope) {
        AtomicBoolean found = new AtomicBoolean();
        log.readStored(scope.recordId(), 0, 1, first -> found.set(scope.aggregateType().equals(first.aggregateType())));
        if (!found.get()) {
            throw new HistoryNotFound(scope);
        }
        return proofs.latest();
    }

    /** The person the record is of: the first {@code personId} its events' payloads name, if any. */
    public Optional<String> personOf(HistoryScope scope) {
        AtomicReference<String> person = new AtomicReference<>();
        log.readStored(scope.recordId(), 0, Long.MAX_VALUE, stored -> {
            if (person.get() == null) {
                JsonNode named = parsed(stored.canonicalPayload(), stored).path("personId");
                person.set(named.isTextual() ? named.asText() : null);
            }
        });
        return Optional.ofNullable(person.get());
    }

    /** @param names the names to write in the header by person id, read for a caller entitled to them; or null */
    public void write(HistoryScope scope, Checkpoint checkpoint, Actor exportedBy, Map<String, String> names,
                      ExportSink sink) throws IOException {
        sink.start(new ExportHeader(scope, Instant.now(clock), exportedBy, checkpoint,
                                    proofs.publicKey().orElse(null), names));
        AtomicLong written = new AtomicLong();
        AtomicLong notYetCovered = new AtomicLong();
        try {
            log.readStored(scope.recordId(), 0, Long.MAX_VALUE, stored -> {
                JsonNode metaData = parsed(stored.canonicalMetaData(), stored);
                LocalDate businessDate = businessDate(stored, metaData);
                if (!scope.includes(businessDate)) {
                    return;
                }
                Optional<InclusionProof> proof = notYetCovered.get() > 0 ? Optional.empty()
                        : proofs.inclusion(stored.eventIdentifier(), checkpoint);
                if (proof.isEmpty()) {
                    notYetCovered.incrementAndGet();
                    return;
                }
                try {
                    sink.event(new ExportedEvent(stored, businessDate, metaData, proof.get().leafIndex(),
                                                 proof.get().auditPath()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written.incrementAndGet();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sink.end(written.get(), notYetCovered.get());
    }

    private JsonNode parsed(String canonical, StoredEvent stored) {
        try {
            return json.readTree(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored field of event " + stored.eventIdentifier() + " is not JSON", e);
        }
    }

    /** As the member timeline places it (ADR 0030): the recorded business date, else the recording day in Vietnam. */
    private static LocalDate businessDate(StoredEvent stored, JsonNode metaData) {
        JsonNode recorded = metaData.path(MetadataKeys.BUSINESS_DATE);
        return recorded.isTextual() ? LocalDate.parse(recorded.asText())
                : LocalDate.ofInstant(Instant.parse(stored.timestamp()), Today.BUSINESS_ZONE);
    }
}
