package vn.partyledger.infra.person;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.ErasureRefused;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataCorrected;
import vn.partyledger.query.kept.KeptWhileCurrent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
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

    /** The events of many persons' streams, each from its start, read together. */
    @FunctionalInterface
    public interface Streams {
        Map<String, List<DomainEventMessage<?>>> read(Collection<String> personIds);

        /** Each stream read alone from the event store. */
        static Streams oneByOne(EventStore log) {
            return personIds -> {
                Map<String, List<DomainEventMessage<?>>> events = new HashMap<>();
                personIds.forEach(personId -> events.put(personId, log.readEvents(personId).asStream()
                        .<DomainEventMessage<?>>map(event -> event).toList()));
                return events;
            };
        }
    }

    /** The persons whose streams {@link #ofAll} reads together. */
    private static final int READ_TOGETHER = 100;

    private final EventStore log;
    private final Streams streams;
    private final KeptWhileCurrent<LoggedEntry> kept;

    /** Reads every entry from the log each time it is asked, one stream at a time. */
    public PersonEntryVersions(EventStore log) {
        this(log, versions -> versions.keySet(), Streams.oneByOne(log), 0);
    }

    /**
     * Keeps at most {@code capacity} entries read by {@link #ofAll}, the least recently used going first, each given
     * again while {@code laterEvents} says the log holds nothing later of that person; those not kept are read
     * through {@code streams}, many at once (ADR 0056).
     */
    public PersonEntryVersions(EventStore log, KeptWhileCurrent.LaterEvents laterEvents, Streams streams,
                               int capacity) {
        this.log = log;
        this.streams = streams;
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
        List<String> unread = personIds.stream().distinct().filter(personId -> !entries.containsKey(personId))
                .toList();
        for (int first = 0; first < unread.size(); first += READ_TOGETHER) {
            List<String> some = unread.subList(first, Math.min(unread.size(), first + READ_TOGETHER));
            Map<String, List<DomainEventMessage<?>>> read = streams.read(some);
            for (String personId : some) {
                List<DomainEventMessage<?>> events = read.getOrDefault(personId, List.of());
                LoggedEntry entry = entryOf(events.iterator(), Instant.MAX);
                if (!events.isEmpty()) {
                    kept.keep(personId, events.get(events.size() - 1).getSequenceNumber(), entry);
                }
                entries.put(personId, entry);
            }
        }
        return entries;
    }

    /** The entry with the versions the log had recorded by {@code knownAt}, and its latest erasure decision. */
    public LoggedEntry of(String personId, Instant knownAt) {
        return entryOf(log.readEvents(personId), knownAt);
    }

    private static LoggedEntry entryOf(Iterator<? extends DomainEventMessage<?>> events, Instant knownAt) {
        List<String> versions = new ArrayList<>();
        Object erasure = null;
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
        return new LoggedEntry(List.copyOf(versions), Optional.ofNullable(erasure));
    }
}
