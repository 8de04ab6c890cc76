package vn.partyledger.infra.eventstore;

import java.util.List;

/**
 * What the log recorded for one request: the commit holding its events. A retry of the request is answered from
 * this, so the first outcome is returned even after a crash between storing the events and answering.
 *
 * @param fingerprint the fingerprint of the request as the events' metadata carry it (null if none was given)
 * @param events      the events, in the order they were appended
 * @param position    the log position of the request's last event, as tracking processors count it
 */
public record RecordedRequest(String fingerprint, List<RecordedEvent> events, long position) {

    /** An event of the commit; {@code aggregateIdentifier} is null for an event outside any aggregate. */
    public record RecordedEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber) {
    }
}
