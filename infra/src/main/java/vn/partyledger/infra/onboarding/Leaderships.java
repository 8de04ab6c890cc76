package vn.partyledger.infra.onboarding;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.partyledger.domain.organisation.BranchLeadershipElected;
import vn.partyledger.infra.api.CommandDispatcher;
import vn.partyledger.infra.api.CommandRequest;
import vn.partyledger.infra.api.OrganisationCommands;

import java.time.LocalDate;
import java.util.List;

/**
 * The leaderships in office the file states (ADR 0028), recorded once every member of the file is imported, each as
 * the record-leadership-election endpoint records it, so the leaders are on the roll when the rule reads it. A
 * leadership on record for the same term or a later one is left as it is: a file imported again records none twice,
 * and an election recorded since the import is not overtaken by the file's older one.
 */
final class Leaderships {

    private final CommandDispatcher dispatcher;
    private final EventStore log;

    Leaderships(CommandDispatcher dispatcher, EventStore log) {
        this.dispatcher = dispatcher;
        this.log = log;
    }

    /** The organisation lines that state a leadership in office. */
    static List<ImportFile.Numbered<OrganisationLine>> stated(List<ImportFile.Numbered<OrganisationLine>> lines) {
        return lines.stream().filter(line -> line.value().leadership() != null).toList();
    }

    ImportReport.Counts record(List<ImportFile.Numbered<OrganisationLine>> lines, List<LineRefusal> refusals) {
        List<ImportFile.Numbered<OrganisationLine>> stated = stated(lines);
        int recorded = 0;
        int alreadyThere = 0;
        for (ImportFile.Numbered<OrganisationLine> line : stated) {
            String orgId = line.value().orgId();
            OrganisationCommands.LeadershipElection leadership = line.value().leadership();
            if (onRecordFrom(orgId, leadership.termStart())) {
                alreadyThere++;
                continue;
            }
            try {
                dispatcher.dispatch(new CommandRequest(leadership.toCommand(orgId), leadership.businessDate(),
                        leadership.decisionRef(), ""), FileImport.NO_HEADERS);
                recorded++;
            } catch (RuntimeException refused) {
                refusals.add(FileImport.refusal(line.line(), refused));
            }
        }
        return new ImportReport.Counts(stated.size(), recorded, alreadyThere, stated.size() - recorded - alreadyThere);
    }

    /**
     * Whether the organisation's log holds a leadership elected for a term starting on {@code termStart} or later: its
     * events from the first, never a snapshot, which would stand for the elections before it.
     */
    private boolean onRecordFrom(String orgId, LocalDate termStart) {
        DomainEventStream events = log.readEvents(orgId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            // the type is known without reading the payload: only leaderships are read
            if (BranchLeadershipElected.class.equals(event.getPayloadType())
                    && !((BranchLeadershipElected) event.getPayload()).termStart().isBefore(termStart)) {
                return true;
            }
        }
        return false;
    }
}
