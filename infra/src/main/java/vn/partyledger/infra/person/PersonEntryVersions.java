package vn.partyledger.infra.person;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.ErasureRefused;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataCorrected;
import vn.partyledger.infra.eventstore.KeptWhileCurrent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final KeptWhileCurrent<LoggedEntry> kept;

    /** Reads every entry from the log each time it is asked. */
    public PersonEntryVersions(EventStore log) {
        this(log, versions -> versions.keySet(), 0);
    }

    /**
     * Keeps at most {@code capacity} entries read by {@link #ofAll}, the least recently used going first, each given
     * again while {@code laterEvents} says the log holds nothing later of that person.
     */
    public PersonEntryVersions(EventStore log, KeptWhileCurrent.LaterEvents laterEvents, int capacity) {
        this.log = log;
        this.kept = new KeptWhileCurrent<>(laterEvents, capacity);
    }

    public LoggedEntry of(String personId) {
        return of(personId, Instant.MAX);
    }

    /**
     * The entries of many persons as {@link #of(String)} reads each, for a count over many (ADR 0054): an entry kept
     * from an earlier read is checked against the log, all of them in one read of the log, and only those the log
     * has moved past, or never read, are read again.
     */
    public Map<String, LoggedEntry> ofAll(Collection<String> personIds) {
        Map<String, LoggedEntry> entries = new HashMap<>(kept.current(personIds));
        for (String personId : personIds) {
            if (!entries.containsKey(personId)) {
                entries.put(personId, read(personId, Instant.MAX, true));
            }
        }
        return entries;
    }

    /** The entry with the versions the log had recorded by {@code knownAt}, and its latest erasure decision. */
    public LoggedEntry of(String personId, Instant knownAt) {
        return read(personId, knownAt, false);
    }

    private LoggedEntry read(String personId, Instant knownAt, boolean keep) {
        List<String> versions = new ArrayList<>();
        Object erasure = null;
        long version = -1;
        DomainEventStream events = log.readEvents(personId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            version = event.getSequenceNumber();
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
        LoggedEntry entry = new LoggedEntry(List.copyOf(versions), Optional.ofNullable(erasure));
        if (keep && version >= 0) {
            kept.keep(personId, version, entry);
        }
        return entry;
    }
}
