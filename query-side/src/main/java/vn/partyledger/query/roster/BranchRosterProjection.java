package vn.partyledger.query.roster;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.Message;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import vn.partyledger.query.batch.BatchedDocuments;
import vn.partyledger.query.batch.BatchedLiveUpdates;
import vn.partyledger.query.batch.BatchedUpdates;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MemberSuspended;
import vn.partyledger.domain.discipline.MemberSuspensionLifted;
import vn.partyledger.domain.due.DueListChanged;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionImported;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.HomeBranchEvent;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.member.PartyCardExchanged;
import vn.partyledger.domain.member.PartyCardIssued;
import vn.partyledger.domain.member.PartyCardReissued;
import vn.partyledger.domain.organisation.BranchLeadershipElected;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.PersonalDataCorrected;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.roster.Position;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.RosterChanged;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.MemberTransferClosed;
import vn.partyledger.domain.transfer.MemberTransferOpened;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Keeps branch rosters: {@code branch_rosters} holds one document per branch (name, parent, leadership, and the ids
 * of the members ever attached to it), {@code roster_entries} one small document per member and branch with the
 * member's status periods there, whose id begins with the branch's: a roster reads its branch's entries as one range of
 * ids (ADR 0061), so that entering a member writes nothing to the branch's document, which would grow with the branch.
 * Every other read and write is by key, and an event touches one entry, so the cost of an event does not grow with the
 * size of its branch. Events of one member are handled in order (Axon sequences them per aggregate), so an entry needs
 * no compare-and-set.
 * {@code member_overlays} holds one document per member with the exemptions, suspensions, lost contact and temporary
 * attachments laid over the member's status, whatever the branch, so those events need no look-up of the member's
 * branch (ADR 0011); a host branch's document lists the members ever attached to it, whose entries at home it reads.
 * After each change the live rosters of the branches it shows on are told, through Axon's subscription queries (ADR
 * 0033), and after a change of an entry the live due lists (ADR 0041). The writes of a processor batch are held and
 * sent as one bulk write per collection when the batch commits, before its token is stored: each entry and overlay
 * once, and each host's set of attached members with one {@code $addToSet}; a later event of the batch reads an entry
 * or overlay as the batch left it. The live queries are told after the batch has committed, if any is live (ADR 0038).
 * {@value KeptRosterCounts#COLLECTION} keeps the counts of each branch's roll between its changes, which every change of
 * an entry or overlay counts after it is written (ADR 0055); a member's overlays list the branches whose roll the
 * member has been on, so that an overlay's change finds them without a look-up. It keeps the statistics' age groups of
 * each roll too (ADR 0057), which a correction of a member's date of birth or an erasure makes stale.
 */
@ProcessingGroup(BranchRosterProjection.PROCESSING_GROUP)
public class BranchRosterProjection {

    public static final String PROCESSING_GROUP = "branch-roster";
    public static final String COLLECTION = "branch_rosters";
    public static final String ENTRIES = "roster_entries";
    public static final String OVERLAYS = "member_overlays";
    /** In a branch's roster document, the members ever attached to it from another branch. */
    private static final String ATTACHED_IDS = "attachedIds";
    /** In a branch's roster document, the leadership of each term. */
    private static final String LEADERSHIP = "leadership";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> rosters;
    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> overlays;
    private final BatchedLiveUpdates liveRosters;
    private final BatchedUpdates rosterUpdates;
    private final BatchedDocuments entryDocuments;
    private final BatchedDocuments overlayDocuments;
    private final KeptRosterCounts keptCounts;

    public BranchRosterProjection(MongoDatabase database, QueryUpdateEmitter liveRosters) {
        this(database, liveRosters, true);
    }

    /**
     * An instance filling a generation of the collections that nobody reads before it is made active (a rebuild, ADR
     * 0037): it tells no live query and counts no change of a roster, as no counts are kept there yet, and every event
     * it handles past the serving instance's tokens the serving instance handles again, and counts (ADR 0055).
     */
    public static BranchRosterProjection filling(MongoDatabase database) {
        return new BranchRosterProjection(database, SimpleQueryUpdateEmitter.builder().build(), false);
    }

    private BranchRosterProjection(MongoDatabase database, QueryUpdateEmitter liveRosters, boolean countsChanges) {
        this.rosters = database.getCollection(COLLECTION);
        this.entries = database.getCollection(ENTRIES);
        this.overlays = database.getCollection(OVERLAYS);
        this.liveRosters = new BatchedLiveUpdates(liveRosters);
        this.rosterUpdates = new BatchedUpdates(rosters);
        this.entryDocuments = new BatchedDocuments(entries, BranchRosterProjection::entryRead);
        this.overlayDocuments = new BatchedDocuments(overlays, BranchRosterProjection::overlaysRead);
        this.keptCounts = new KeptRosterCounts(database, countsChanges);
    }

    /** The entry an event naming the member's home branch changes; the others (transfers) are read when asked. */
    private static Stream<?> entryRead(Message<?> event) {
        return event.getPayload() instanceof HomeBranchEvent atHome
                ? Stream.of(RosterEntry.id(atHome.homeOrgId(), atHome.memberId()))
                : Stream.empty();
    }

    /**
     * The overlays of the member whose stream the event is in; an event of another aggregate names an id no overlay
     * has, and one of a transfer case, whose stream is the case's, reads the member's overlays when asked.
     */
    private static Stream<?> overlaysRead(Message<?> event) {
        return event instanceof DomainEventMessage<?> inStream ? Stream.of(inStream.getAggregateIdentifier())
                                                               : Stream.empty();
    }

    @EventHandler
    void on(OrganisationEstablished event, @SequenceNumber long sequence) {
        if (!event.kind().isBranch()) {
            return;
        }
        Document stored = rosters.find(Filters.eq("_id", event.orgId())).first();
        if (stored != null && stored.getLong("orgSeq") != null && stored.getLong("orgSeq") >= sequence) {
            return;
        }
        rosterUpdates.updateOne(Filters.eq("_id", event.orgId()), Updates.combine(
                        Updates.set("name", event.name()),
                        Updates.set("parentOrgId", event.parentOrgId()),
                        Updates.set("establishedOn", event.effectiveDate().toString()),
                        Updates.set("orgSeq", sequence)),
                UPSERT);
    }

    @EventHandler
    void on(MemberAdmitted event, @SequenceNumber long sequence) {
        enterFirstRoll(event.homeOrgId(), event.memberId(), sequence, entry -> entry.openPeriod(sequence,
                event.personId(), MemberStatus.PROBATIONARY, event.ceremonyDate(), event.probationEndDate(),
                event.admissionDecisionDate()));
    }

    /**
     * An onboarded member is in the branch from the day the file puts them on its roll: probationary until full
     * membership if that came later, else at the imported status (issue 10).
     */
    @EventHandler
    void on(MemberImported event, @SequenceNumber long sequence) {
        boolean probationaryFirst = event.status() == MemberStatus.FULL
                && event.fullMembershipDate().isAfter(event.onRollSince());
        enterFirstRoll(event.homeOrgId(), event.memberId(), sequence, entry -> {
            entry.openPeriod(sequence, event.personId(), probationaryFirst ? MemberStatus.PROBATIONARY : event.status(),
                    event.onRollSince(), event.probationEndDate(), event.admissionDecisionDate());
            if (probationaryFirst) {
                entry.changeStatus(sequence, MemberStatus.FULL, event.fullMembershipDate());
            }
        });
        // the file states the card held, not when it was issued: it is shown from the day the file puts the member on
        // the roll
        if (event.cardNumber() != null) {
            overlay(event.memberId(), sequence,
                    member -> member.holdCard(sequence, event.cardNumber(), event.onRollSince()));
        }
    }

    /**
     * A member who presented a letter from another province is in the branch from that day, at the status the letter
     * carried, with its card (ADR 0050).
     */
    @EventHandler
    void on(MemberJoinedFromProvince event, @SequenceNumber long sequence) {
        enterFirstRoll(event.homeOrgId(), event.memberId(), sequence, entry -> entry.openPeriod(sequence,
                event.personId(), event.status(), event.joinedOn(), event.probationEndDate(),
                event.firstAdmissionDecisionDate()));
        if (event.cardNumber() != null) {
            overlay(event.memberId(), sequence,
                    member -> member.holdCard(sequence, event.cardNumber(), event.joinedOn()));
        }
    }

    /** The letter to another province was presented there: the member's period here ends, no longer in transit. */
    @EventHandler
    void on(MemberLeftForProvince event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), event.memberId(), sequence, entry -> entry.closePeriod(sequence, event.leftOn()));
        overlay(event.memberId(), sequence, member -> member.arrive(sequence, event.leftOn()));
    }

    /** Full membership counts from the end of probation, even when the decision came later (docs/rules.md#s6). */
    @EventHandler
    void on(FullMembershipRecognized event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), event.memberId(), sequence,
                entry -> entry.changeStatus(sequence, MemberStatus.FULL, event.effectiveDate()));
    }

    @EventHandler
    void on(ProbationaryMemberStruckOff event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), event.memberId(), sequence,
                entry -> entry.closePeriod(sequence, event.decisionDate()));
    }

    @EventHandler
    void on(MemberStruckOff event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), event.memberId(), sequence,
                entry -> entry.closePeriod(sequence, event.effectiveDate()));
    }

    /** Expulsion takes the member off the roll; a reprimand, warning or dismissal from a post does not. */
    @EventHandler
    void on(DisciplineImposed event, @SequenceNumber long sequence) {
        if (event.form() == DisciplineForm.EXPULSION) {
            edit(event.homeOrgId(), event.memberId(), sequence,
                    entry -> entry.closePeriod(sequence, event.effectiveDate()));
        }
    }

    /** Death ends the member's period in the branch and the attachment the member had in force (I29). */
    @EventHandler
    void on(MemberDeceased event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), event.memberId(), sequence,
                entry -> entry.closePeriod(sequence, event.dateOfDeath()));
        overlay(event.memberId(), sequence, member -> member.endAttachment(sequence, event.dateOfDeath()));
    }

    /** An annulled strike-off or expulsion puts the member back on the branch's roll from the restoration on. */
    @EventHandler
    void on(MembershipRestored event, @SequenceNumber long sequence) {
        edit(event.homeOrgId(), event.memberId(), sequence,
                entry -> entry.changeStatus(sequence, event.restoredStatus(), event.effectiveDate()));
    }

    /**
     * An annulled death or strike-off never happened (I30): the member stays on the roster without a break, as of any
     * date, unlike a restoration, which is a later decision and leaves the gap. An annulled exemption never was either.
     */
    @EventHandler
    void on(EntryAnnulled event, @SequenceNumber long sequence) {
        if (event.annulledEventType() == EntryType.MEMBER_DECEASED
                || event.annulledEventType() == EntryType.MEMBER_STRUCK_OFF) {
            edit(event.homeOrgId(), event.memberId(), sequence,
                    entry -> entry.reopenPeriodClosedOn(sequence, event.entryDate()));
        } else if (event.annulledEventType() == EntryType.EXEMPTION_GRANTED) {
            overlay(event.memberId(), sequence, member -> member.annulExemption(sequence, event.entryDate()));
        }
    }

    /** An exempt member stays on the roll and in the headcount (docs/rules.md#s8); the roster shows the exemption. */
    @EventHandler
    void on(ExemptionGranted event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence,
                member -> member.grantExemption(sequence, event.kind(), event.from(), event.until()));
    }

    /** An exemption the paper file showed in force is shown as one granted live (ADR 0028). */
    @EventHandler
    void on(ExemptionImported event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence,
                member -> member.grantExemption(sequence, event.kind(), event.from(), event.until()));
    }

    @EventHandler
    void on(ExemptionEnded event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence, member -> member.endExemption(sequence, event.endedOn()));
    }

    @EventHandler
    void on(MemberSuspended event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence, member -> member.suspend(sequence, event.effectiveDate()));
    }

    @EventHandler
    void on(MemberSuspensionLifted event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence, member -> member.liftSuspension(sequence, event.effectiveDate()));
    }

    @EventHandler
    void on(MemberLostContact event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence, member -> member.loseContact(sequence, event.from()));
    }

    @EventHandler
    void on(MemberContactRestored event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence, member -> member.restoreContact(sequence, event.to()));
    }

    /**
     * A temporarily attached member keeps the home's roll and headcount, attached out; the host lists the member as
     * attached in, outside its headcount (docs/rules.md#s9-2). Live from a temporary letter's presentation, or imported
     * from the paper file with the record (ADR 0028).
     */
    @EventHandler
    void on(MemberTemporarilyAttached event, @SequenceNumber long sequence) {
        // Listed at the host before the overlay is written, so the host is among the branches the overlay tells; a
        // listed member shows on the host's roster only once the overlay holds the attachment.
        rosterUpdates.addToSet(event.hostOrgId(), ATTACHED_IDS, event.memberId(), true);
        overlay(event.memberId(), sequence, member -> {
            member.arrive(sequence, event.from());
            member.attach(sequence, event.homeOrgId(), event.hostOrgId(), event.from());
        });
    }

    /** A transfer letter was issued: the member stays on the sending roll, in transit, until it is presented. */
    @EventHandler
    void on(MemberTransferOpened event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence,
                member -> member.leaveWithLetter(sequence, event.toOrgId(), event.letterDate()));
    }

    /** The member is back from the attachment (or the letter in transit was cancelled, which attached no one). */
    @EventHandler
    void on(MemberTransferClosed event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence, member -> {
            member.arrive(sequence, event.closedOn());
            member.endAttachment(sequence, event.closedOn());
        });
    }

    /** A corrected date of death closes the period on the corrected date; a corrected admission date is shown. */
    @EventHandler
    void on(EntryDateCorrected event, @SequenceNumber long sequence) {
        if (event.correctedEventType() == EntryType.MEMBER_DECEASED) {
            edit(event.homeOrgId(), event.memberId(), sequence,
                    entry -> entry.correctClosingDate(sequence, event.recordedDate(), event.correctedDate()));
        } else if (event.correctedEventType() == EntryType.ADMISSION_APPROVED) {
            edit(event.homeOrgId(), event.memberId(), sequence,
                    entry -> entry.correctAdmissionDecisionDate(sequence, event.correctedDate()));
        }
    }

    /** A merge or split moved the member: the old branch's period ends, the new branch's begins the same day. */
    @EventHandler
    void on(MemberCollectivelyTransferred event, @SequenceNumber long sequence) {
        move(event.memberId(), event.fromOrgId(), event.toOrgId(), event.effectiveDate(), sequence);
    }

    /** An official transfer letter was presented: the member's home is the receiving branch from that day. */
    @EventHandler
    void on(MemberHomeChanged event, @SequenceNumber long sequence) {
        move(event.memberId(), event.fromOrgId(), event.toOrgId(), event.effectiveDate(), sequence);
        overlay(event.memberId(), sequence, member -> member.arrive(sequence, event.effectiveDate()));
    }

    /** The party card the member holds from the day it was issued, reissued or exchanged. */
    @EventHandler
    void on(PartyCardIssued event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence, member -> member.holdCard(sequence, event.cardNumber(), event.issuedOn()));
    }

    @EventHandler
    void on(PartyCardReissued event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence,
                member -> member.holdCard(sequence, event.newCardNumber(), event.reissuedOn()));
    }

    @EventHandler
    void on(PartyCardExchanged event, @SequenceNumber long sequence) {
        overlay(event.memberId(), sequence,
                member -> member.holdCard(sequence, event.newCardNumber(), event.exchangedOn()));
    }

    /**
     * A branch's leadership for a term: kept on the branch's document, whose members' posts the roster shows from the
     * term's start. A committee above the branches has no roster, so its election changes none.
     */
    @EventHandler
    void on(BranchLeadershipElected event) {
        Document term = new Document("termStart", event.termStart().toString())
                .append("secretary", event.secretaryMemberId()).append("deputies", event.deputyMemberIds())
                .append("committee", event.committeeMemberIds());
        rosterUpdates.updateOne(Filters.and(Filters.eq("_id", event.orgId()), Filters.exists("name")),
                Updates.addToSet(LEADERSHIP, term), new UpdateOptions());
        changed(event.orgId(), event.secretaryMemberId());
    }

    @QueryHandler
    public Optional<BranchRoster> handle(FindBranchRoster query) {
        return rollOn(query.orgId(), query.asOf()).map(RollOn::roster);
    }

    /**
     * The counts at the end of {@code date} of the roll of each of the branches that has one, as its roster shows
     * them ({@link RosterTotalsQueries#counts}); kept between changes of the roster (ADR 0055).
     */
    public Map<String, RosterTotals.Counts> countsOn(Collection<String> branchIds, LocalDate date) {
        return keptCounts.on(branchIds, date, branchId -> rollOn(branchId, date).map(roll ->
                KeptRosterCounts.Kept.on(date, RosterTotalsQueries.counts(roll.roster()), roll.changeDays())));
    }

    /**
     * Figures {@code workOut} works out from the roll of each of the branches that has one on {@code date} and its
     * members' dates of birth (the statistics' age groups, ADR 0057), kept between the roll's changes and the days
     * {@code workOut} names, while no date of birth changes; {@code key} names how they are worked out.
     */
    public Map<String, List<Integer>> birthDateFiguresOn(Collection<String> branchIds, LocalDate date, String key,
                                                        Function<BranchRoster, BirthDateFigures> workOut) {
        return keptCounts.birthDateFiguresOn(branchIds, date, key, branchId -> rollOn(branchId, date).map(roll -> {
            BirthDateFigures worked = workOut.apply(roll.roster());
            Set<LocalDate> days = roll.changeDays();
            days.addAll(worked.changeDays());
            return KeptRosterCounts.Kept.on(date, worked.figures(), days);
        }));
    }

    /** A date of birth corrected: the figures kept from it are stale (ADR 0057). */
    @EventHandler
    void on(PersonalDataCorrected event) {
        if (event.fields().contains(PersonalDataField.DATE_OF_BIRTH)) {
            dateOfBirthChanged(event.personId());
        }
    }

    /** An erased person's date of birth is unreadable from now on: the figures kept from it are stale. */
    @EventHandler
    void on(ErasureExecuted event) {
        dateOfBirthChanged(event.personId());
    }

    /**
     * Every roll the person's members are on, or attached to, counts a change. The entries naming the person are
     * looked up by a scan where the store has no index on {@code personId} (the embedded server): such events are
     * rare, and an instance filling a generation, which counts nothing, looks nothing up. An entry written earlier in
     * the same batch is not found, but its own event counted its roll's change already.
     */
    private void dateOfBirthChanged(String personId) {
        if (!keptCounts.countsChanges()) {
            return;
        }
        entries.find(Filters.eq("personId", personId)).map(RosterEntry::of).forEach(entry -> {
            keptCounts.changed(entry.orgId());
            overlaysOf(entry.memberId()).branches().forEach(keptCounts::changed);
        });
    }

    /**
     * A branch's roster on a date, with the entries and overlays it was read from: the days they begin or end
     * something are worked out only when the roll is counted.
     */
    private record RollOn(BranchRoster roster, List<RosterEntry> entries, Collection<MemberOverlays> overlays) {

        Set<LocalDate> changeDays() {
            Set<LocalDate> days = new HashSet<>();
            entries.forEach(entry -> entry.changeDays().forEach(days::add));
            overlays.forEach(member -> member.changeDays().forEach(days::add));
            return days;
        }
    }

    private Optional<RollOn> rollOn(String orgId, LocalDate asOf) {
        FindBranchRoster query = new FindBranchRoster(orgId, asOf);
        Document roster = rosters.find(Filters.eq("_id", query.orgId())).first();
        if (roster == null || !roster.containsKey("name")) {
            return Optional.empty();
        }
        List<RosterEntry> read = entries.find(RosterEntry.ofBranch(query.orgId())).map(RosterEntry::of)
                .into(new ArrayList<>());
        List<String> attachedIds = roster.getList(ATTACHED_IDS, String.class, List.of());
        Map<String, MemberOverlays> overlaid = new HashMap<>();
        overlays.find(Filters.in("_id", Stream.concat(read.stream().map(RosterEntry::memberId), attachedIds.stream())
                        .distinct().toList()))
                .forEach(stored -> {
                    MemberOverlays member = MemberOverlays.of(stored);
                    overlaid.put(member.memberId(), member);
                });
        // the members attached in that day are read from their entries at home
        List<String> attachedIn = attachedIds.stream().flatMap(memberId -> Optional.ofNullable(overlaid.get(memberId))
                        .flatMap(member -> member.attachmentOn(query.asOf()))
                        .filter(attachment -> attachment.hostOrgId().equals(query.orgId()))
                        .map(attachment -> RosterEntry.id(attachment.homeOrgId(), memberId)).stream())
                .toList();
        if (!attachedIn.isEmpty()) {
            entries.find(Filters.in("_id", attachedIn)).map(RosterEntry::of).forEach(read::add);
        }
        List<BranchRoster.Entry> members = new ArrayList<>();
        Map<String, Position> positions = positionsOn(roster, query.asOf());
        read.forEach(entry -> entry.on(query.asOf(),
                        overlaid.getOrDefault(entry.memberId(), MemberOverlays.empty(entry.memberId())),
                        query.orgId(), positions.get(entry.memberId()))
                .ifPresent(members::add));
        members.sort(Comparator.comparing(BranchRoster.Entry::since).thenComparing(BranchRoster.Entry::memberId));
        int headcount = (int) members.stream().filter(BranchRoster.Entry::counted).count();
        int exemptCount = (int) members.stream()
                .filter(entry -> entry.counted() && entry.exemption() != null).count();
        return Optional.of(new RollOn(new BranchRoster(query.orgId(), roster.getString("name"),
                roster.getString("parentOrgId"), query.asOf(), headcount, exemptCount, List.copyOf(members)),
                read, overlaid.values()));
    }

    /**
     * Who held which post in the branch on the date: the term that began last on or before it, its secretary before
     * its deputies before its committee (a secretary is on the committee too).
     */
    private static Map<String, Position> positionsOn(Document roster, LocalDate date) {
        Map<String, Position> positions = new HashMap<>();
        roster.getList(LEADERSHIP, Document.class, List.of()).stream()
                .filter(term -> !LocalDate.parse(term.getString("termStart")).isAfter(date))
                .max(Comparator.comparing(term -> term.getString("termStart")))
                .ifPresent(term -> {
                    term.getList("committee", String.class).forEach(id -> positions.put(id, Position.COMMITTEE_MEMBER));
                    term.getList("deputies", String.class).forEach(id -> positions.put(id, Position.DEPUTY_SECRETARY));
                    positions.put(term.getString("secretary"), Position.SECRETARY);
                });
        return positions;
    }

    private void move(String memberId, String fromOrgId, String toOrgId, LocalDate date, long sequence) {
        edit(fromOrgId, memberId, sequence, entry -> entry.closePeriod(sequence, date));
        find(fromOrgId, memberId).ifPresent(moved -> {
            enter(toOrgId, memberId, sequence, entry -> entry.openPeriod(sequence, moved.personId(),
                    moved.lastStatus(), date, moved.probationEndDate(), moved.admissionDecisionDate()));
            MemberOverlays member = overlaysOf(memberId);
            boolean learnt = learnRolls(member);
            if (member.enterRoll(toOrgId) || learnt) {
                overlayDocuments.replace(member.document());
            }
        });
    }

    /**
     * Enters a member who was on no roll before (admitted, onboarded, joined from another province) on the branch's
     * roll; the member's document records the branch among the member's rolls.
     */
    private void enterFirstRoll(String orgId, String memberId, long sequence, Consumer<RosterEntry> change) {
        enter(orgId, memberId, sequence, change);
        MemberOverlays member = overlaysOf(memberId);
        if (member.enterRoll(orgId)) {
            overlayDocuments.replace(member.document());
        }
    }

    /**
     * Changes the member's entry in a branch, creating it: the entry puts the member on the branch's roster, which
     * reads the entries whose ids begin with the branch's ({@link RosterEntry#ofBranch}).
     */
    private void enter(String orgId, String memberId, long sequence, Consumer<RosterEntry> change) {
        RosterEntry entry = find(orgId, memberId).orElseGet(() -> RosterEntry.empty(orgId, memberId));
        if (!entry.applied(sequence)) {
            change.accept(entry);
            save(entry);
        }
        keptCounts.changed(orgId);
        changed(orgId, memberId);
    }

    /** Changes the member's existing entry in a branch; an event for a member the branch never had changes nothing. */
    private void edit(String orgId, String memberId, long sequence, Consumer<RosterEntry> change) {
        find(orgId, memberId).ifPresent(entry -> {
            if (!entry.applied(sequence)) {
                change.accept(entry);
                save(entry);
                changed(orgId, memberId);
            }
            // Counted even when the entry was applied already: a crash may have come between the write and the count.
            keptCounts.changed(orgId);
        });
    }

    /**
     * Changes what is laid over the member's status, creating the member's document on the first overlay, and makes
     * the counts kept of every branch the member has been on or attached to stale — even when the change was applied
     * already, as a crash may have come between the write and the count.
     */
    private void overlay(String memberId, long sequence, Consumer<MemberOverlays> change) {
        MemberOverlays member = overlaysOf(memberId);
        boolean learnt = learnRolls(member);
        if (!member.applied(sequence)) {
            change.accept(member);
            overlayDocuments.replace(member.document());
            overlaid(memberId);
        } else if (learnt) {
            overlayDocuments.replace(member.document());
        }
        member.branches().forEach(keptCounts::changed);
    }

    /** The member's document as the batch left it, else as stored, else a new one. */
    private MemberOverlays overlaysOf(String memberId) {
        return overlayDocuments.find(memberId).map(MemberOverlays::of)
                .orElseGet(() -> MemberOverlays.empty(memberId));
    }

    /**
     * A member's document that does not know the member's rolls (stored before they were kept, or first written by a
     * transfer case handled before the member's entry) learns them from the member's entries; whether it had to. The
     * entries are found by a scan where the store has no index on {@code memberId} (the embedded server): only such a
     * document needs it.
     */
    private boolean learnRolls(MemberOverlays member) {
        if (member.knowsRolls()) {
            return false;
        }
        List<String> listing = new ArrayList<>();
        entries.find(Filters.eq("memberId", member.memberId())).projection(new Document("orgId", 1))
                .forEach(entry -> listing.add(entry.getString("orgId")));
        member.learnRolls(listing);
        return true;
    }

    /**
     * Tells the live rosters of the branch, once the event's unit of work has committed (BatchedLiveUpdates). The
     * live due lists are told too, as the branch's roll may have fallen below the Charter's minimum or risen above it
     * (ADR 0041): this projection cannot see the tree, so every live due list is told, and each sends its list only
     * when it changed.
     */
    private void changed(String orgId, String memberId) {
        liveRosters.emit(FindBranchRoster.class, query -> query.orgId().equals(orgId), new RosterChanged(memberId));
        liveRosters.emit(FindDueList.class, query -> true, new DueListChanged(memberId));
    }

    /**
     * Tells the live rosters of every branch listing the member, at home or as a host. The look-up is by key, for each
     * live roster only: with no one following a roster, as in a replay, an overlay costs no read more.
     */
    private void overlaid(String memberId) {
        liveRosters.emit(FindBranchRoster.class, query -> lists(query.orgId(), memberId),
                new RosterChanged(memberId));
    }

    private boolean lists(String orgId, String memberId) {
        return entries.find(Filters.eq("_id", RosterEntry.id(orgId, memberId))).first() != null
                || rosters.find(Filters.and(Filters.eq("_id", orgId), Filters.eq(ATTACHED_IDS, memberId))).first()
                != null;
    }

    private Optional<RosterEntry> find(String orgId, String memberId) {
        return entryDocuments.find(RosterEntry.id(orgId, memberId)).map(RosterEntry::of);
    }

    private void save(RosterEntry entry) {
        entryDocuments.replace(entry.document());
    }
}
