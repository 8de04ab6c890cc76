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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** Of the persons given with the version their entry was read at, those whose stream the log has moved past. */
    @FunctionalInterface
    public interface LaterEvents {
        Set<String> after(Map<String, Long> versions);
    }

    /** An entry as the whole log had it, and the person stream's version it was read at. */
    private record KeptEntry(long version, LoggedEntry entry) {
    }

    private final EventStore log;
    private final LaterEvents laterEvents;
    private final Map<String, KeptEntry> kept;

    /** Reads every entry from the log each time it is asked. */
    public PersonEntryVersions(EventStore log) {
        this(log, versions -> versions.keySet(), 0);
    }

    /**
     * Keeps at most {@code capacity} entries read by {@link #ofAll}, the least recently used going first, each given
     * again while {@code laterEvents} says the log holds nothing later of that person.
     */
    public PersonEntryVersions(EventStore log, LaterEvents laterEvents, int capacity) {
        this.log = log;
        this.laterEvents = laterEvents;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, KeptEntry> eldest) {
                return size() > capacity;
            }
        });
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
        Map<String, LoggedEntry> entries = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        for (String personId : personIds) {
            KeptEntry entry = kept.get(personId);
            if (entry != null) {
                versions.put(personId, entry.version());
                entries.put(personId, entry.entry());
            }
        }
        Set<String> movedOn = versions.isEmpty() ? Set.of() : laterEvents.after(versions);
        for (String personId : personIds) {
            if (!entries.containsKey(personId) || movedOn.contains(personId)) {
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
            kept.put(personId, new KeptEntry(version, entry));
        }
        return entry;
    }
}
