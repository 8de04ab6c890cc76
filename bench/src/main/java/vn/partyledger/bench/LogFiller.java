package vn.partyledger.bench;

import org.axonframework.eventhandling.DomainEventMessage;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills the log through the storage engine with the application's own events, as a ward's history would read: first
 * every branch founded, then members in blocks of {@code eventsPerAppend}, each block admitted, then each member of it
 * losing contact and having it restored, {@code changesPerMember} events in all. Each append of {@code
 * eventsPerAppend} events is one commit, as a batch of an import is, so a million events are stored in minutes; the
 * events of a position depend on nothing but the position, so a fill can be continued.
 */
final class LogFiller {

    private final MongoEventStorageEngine engine;
    private final int branches;
    private final int eventsPerAppend;
    private final int changesPerMember;
    private long appended;

    LogFiller(MongoEventStorageEngine engine, int branches, int eventsPerAppend, int changesPerMember) {
        this.engine = engine;
        this.branches = branches;
        this.eventsPerAppend = eventsPerAppend;
        this.changesPerMember = changesPerMember;
    }

    long appended() {
        return appended;
    }

    /** Appends events until {@code stored} are in the log. */
    void fillTo(long stored) {
        List<DomainEventMessage<?>> append = new ArrayList<>(eventsPerAppend);
        while (appended < stored) {
            append.add(eventAt(appended));
            appended++;
            if (append.size() == eventsPerAppend || appended == stored) {
                engine.appendEvents(append);
                append.clear();
            }
        }
    }

    /** The members whose admission is among the first {@code stored} events. */
    long membersIn(long stored) {
        long memberEvents = Math.max(0, stored - branches);
        long blockEvents = (long) eventsPerAppend * (1 + changesPerMember);
        return memberEvents / blockEvents * eventsPerAppend + Math.min(memberEvents % blockEvents, eventsPerAppend);
    }

    private DomainEventMessage<?> eventAt(long position) {
        if (position < branches) {
            return LedgerEvents.branchEstablished((int) position, position);
        }
        long memberEvents = position - branches;
        long blockEvents = (long) eventsPerAppend * (1 + changesPerMember);
        long inBlock = memberEvents % blockEvents;
        int member = (int) (memberEvents / blockEvents * eventsPerAppend + inBlock % eventsPerAppend);
        long sequence = inBlock / eventsPerAppend;
        return sequence == 0
                ? LedgerEvents.memberAdmitted(member, branches, position)
                : LedgerEvents.contactChange(member, sequence, branches, position);
    }
}
