package vn.partyledger.infra.person;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.ErasureRefused;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataCorrected;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the log says of a person's register entry: which of the register's versions are part of it — those a
 * {@link PersonRegistered} or {@link PersonalDataCorrected} names, in the log's order — and whether it was erased.
 * A version is written before its event is appended; one whose event never reached the log (refused, or the process
 * died in between) is named by nothing and so never read — nothing has to be taken back, and an answer the log gave
 * is never contradicted. An erasure the log holds counts at once, whether or not the key is destroyed yet.
 */
public class PersonEntryVersions {

    /**
     * @param versions the version ids of the entry, oldest first; empty for a person the log does not know
     * @param erasure  the latest erasure decision, executed or refused, if any
     */
    public record LoggedEntry(List<String> versions, Optional<Object> erasure) {

        public boolean erased() {
            return erasure.filter(ErasureExecuted.class::isInstance).isPresent();
        }

        public boolean known() {
            return !versions.isEmpty();
        }
    }

    private final EventStore log;

    public PersonEntryVersions(EventStore log) {
        this.log = log;
    }

    public LoggedEntry of(String personId) {
        return of(personId, Instant.MAX);
    }

    /** The entry with the versions the log had recorded by {@code knownAt}, and its latest erasure decision. */
    public LoggedEntry of(String personId, Instant knownAt) {
        List<String> versions = new ArrayList<>();
        Object erasure = null;
        DomainEventStream events = log.readEvents(personId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object payload = event.getPayload();
            boolean known = !event.getTimestamp().isAfter(knownAt);
            if (payload instanceof PersonRegistered registered && known) {
                versions.add(registered.entryVersion());
            } else if (payload instanceof PersonalDataCorrected corrected && known) {
                versions.add(corrected.entryVersion());
            } else if (payload instanceof ErasureExecuted || payload instanceof ErasureRefused) {
                erasure = payload;
            }
        }
        return new LoggedEntry(versions, Optional.ofNullable(erasure));
    }
}
