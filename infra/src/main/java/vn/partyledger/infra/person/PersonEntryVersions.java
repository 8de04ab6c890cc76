package vn.partyledger.infra.person;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataCorrected;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of the register's versions are part of a person's entry: those a {@link PersonRegistered} or
 * {@link PersonalDataCorrected} in the log names, in the log's order. A version is written before its event is
 * appended; one whose event never reached the log (refused, or the process died in between) is named by nothing and
 * so never read — nothing has to be taken back, and an answer the log gave is never contradicted.
 */
public class PersonEntryVersions {

    private final EventStore log;

    public PersonEntryVersions(EventStore log) {
        this.log = log;
    }

    /** The version ids of the person's entry, oldest first; empty for a person the log does not know. */
    public List<String> of(String personId) {
        List<String> versions = new ArrayList<>();
        DomainEventStream events = log.readEvents(personId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof PersonRegistered registered) {
                versions.add(registered.entryVersion());
            } else if (event.getPayload() instanceof PersonalDataCorrected corrected) {
                versions.add(corrected.entryVersion());
            }
        }
        return versions;
    }
}
