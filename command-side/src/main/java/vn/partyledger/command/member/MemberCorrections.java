package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.correction.AnnulEntry;
import vn.partyledger.domain.correction.CorrectEntryDate;
import vn.partyledger.domain.correction.CorrectionOfTheRecord;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Corrections of the member's record (I30, ADR 0016): a mistaken death, strike-off, badge award or exemption is
 * annulled, and a mistyped date of death or of the admission decision corrected, by a new event naming the original
 * event's id. This entity remembers the correctable entries by id as they are applied; the entities that own each
 * entry's effect undo it on {@link EntryAnnulled} or move it on {@link EntryDateCorrected}.
 */
class MemberCorrections {

    /** A correctable entry as recorded: where and from when it took effect, and who decided it (null: the branch). */
    private record Entry(String eventId, EntryType type, LocalDate date, String homeOrgId, String decidedByOrgId) {
    }

    private final Standing standing;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<String> annulled = new HashSet<>();
    /** The id of the entry whose effect is in force, per kind of effect (one per badge level). */
    private final Map<String, String> inEffect = new HashMap<>();
    private final Map<String, Integer> badgeLevels = new HashMap<>();
    private LocalDate candidacyOpenedOn;
    private LocalDate admissionReceivedOn;
    private LocalDate ceremonyOn;

    MemberCorrections(Standing standing) {
        this.standing = standing;
    }

    EntryAnnulled annul(AnnulEntry command, AuthorityResolver authority, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        Entry entry = theEntryIsOnThisRecord(command);
        anAnnulledEntryStaysAnnulled(entry);
        onlyAMistakenDeathStrikeOffBadgeOrExemptionIsAnnulled(entry);
        onlyAnEntryWhoseEffectIsStillInForceIsCorrected(entry);
        aCorrectionIsSignedByTheCommitteeThatAdmitsOrTheEntrysDecider(entry, command.decision(), authority);
        EntryAnnulled annulled = new EntryAnnulled(standing.memberId(), entry.eventId(), entry.type(),
                entry.homeOrgId(), entry.date(), statusBefore(entry), command.reason(),
                command.decision().issuingOrgId(), command.decision().docDate());
        apply(annulled);
        return annulled;
    }

    @CommandHandler
    void handle(CorrectEntryDate command, AuthorityResolver authority, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        today.businessDateIsNotInTheFuture("corrected date", command.correctedDate());
        Entry entry = theEntryIsOnThisRecord(command);
        anAnnulledEntryStaysAnnulled(entry);
        onlyTheDateOfDeathOrOfTheAdmissionDecisionIsCorrected(entry);
        onlyAnEntryWhoseEffectIsStillInForceIsCorrected(entry);
        aCorrectedDateDiffersFromTheRecordedOne(entry, command.correctedDate());
        if (entry.type() == EntryType.MEMBER_DECEASED) {
            aCorrectedDateOfDeathFallsWithinTheRosterLineItEnds(command.correctedDate());
        } else {
            aCorrectedAdmissionDecisionFallsBetweenCandidacyAndItsReceipt(command.correctedDate());
        }
        aCorrectionIsSignedByTheCommitteeThatAdmitsOrTheEntrysDecider(entry, command.decision(), authority);
        apply(new EntryDateCorrected(standing.memberId(), entry.eventId(), entry.type(), entry.homeOrgId(), entry.date(),
                command.correctedDate(), command.reason(), command.decision().issuingOrgId(),
                command.decision().docDate()));
    }

    /** Only a death and a strike-off change the status; both are undone to the status the member had before. */
    private MemberStatus statusBefore(Entry entry) {
        return switch (entry.type()) {
            case MEMBER_DECEASED -> standing.statusAtDeath();
            case MEMBER_STRUCK_OFF -> MemberStatus.FULL;
            default -> null;
        };
    }

    private Entry theEntryIsOnThisRecord(CorrectionOfTheRecord command) {
        Entry entry = entries.get(command.eventId());
        if (entry == null) {
            throw new RuleViolation(Invariant.I30, "theEntryIsOnThisRecord",
                    "Event " + command.eventId() + " is not a correctable entry on the record of member "
                            + standing.memberId() + "; a correction names an entry of this member's own record.");
        }
        return entry;
    }

    private void anAnnulledEntryStaysAnnulled(Entry entry) {
        if (annulled.contains(entry.eventId())) {
            throw new RuleViolation(Invariant.I30, "anAnnulledEntryStaysAnnulled",
                    "The " + entry.type() + " entry " + entry.eventId() + " was annulled already; an annulled entry "
                            + "is not annulled or corrected again.");
        }
    }

    private static void onlyAMistakenDeathStrikeOffBadgeOrExemptionIsAnnulled(Entry entry) {
        if (!entry.type().annullable()) {
            throw new RuleViolation(Invariant.I30, "onlyAMistakenDeathStrikeOffBadgeOrExemptionIsAnnulled",
                    "Only a death, strike-off, badge award or exemption keyed by mistake can be annulled, not a "
                            + entry.type() + "; a decision that was itself wrong is undone by its own procedure "
                            + "(appeal, restoration, a new decision).");
        }
    }

    private static void onlyTheDateOfDeathOrOfTheAdmissionDecisionIsCorrected(Entry entry) {
        if (!entry.type().dateCorrectable()) {
            throw new RuleViolation(Invariant.I30, "onlyTheDateOfDeathOrOfTheAdmissionDecisionIsCorrected",
                    "Only the date of death and the date of the admission decision can be corrected, not the date "
                            + "of a " + entry.type() + "; a wrong entry of that kind is annulled and keyed again.");
        }
    }

    private void onlyAnEntryWhoseEffectIsStillInForceIsCorrected(Entry entry) {
        if (!entry.eventId().equals(inEffect.get(effectOf(entry.type(), entry.eventId())))) {
            throw new RuleViolation(Invariant.I30, "onlyAnEntryWhoseEffectIsStillInForceIsCorrected",
                    "The " + entry.type() + " entry " + entry.eventId() + " no longer has effect (a later entry "
                            + "ended or replaced it, e.g. a restoration, a re-admission or the exemption's end), so "
                            + "correcting it would rewrite what came after.");
        }
    }

    private static void aCorrectedDateDiffersFromTheRecordedOne(Entry entry, LocalDate correctedDate) {
        if (entry.date().equals(correctedDate)) {
            throw new RuleViolation(Invariant.I30, "aCorrectedDateDiffersFromTheRecordedOne",
                    "The " + entry.type() + " entry is recorded on " + correctedDate + " already; nothing to correct.");
        }
    }

    private void aCorrectedDateOfDeathFallsWithinTheRosterLineItEnds(LocalDate correctedDate) {
        if (correctedDate.isBefore(standing.standingSince())) {
            throw new RuleViolation(Invariant.I30, "aCorrectedDateOfDeathFallsWithinTheRosterLineItEnds",
                    "The member's standing in " + standing.homeOrgId() + " began on " + standing.standingSince()
                            + ", so the death cannot be moved to " + correctedDate + "; the entries after that date "
                            + "would be wrong as well and are corrected first.");
        }
    }

    private void aCorrectedAdmissionDecisionFallsBetweenCandidacyAndItsReceipt(LocalDate correctedDate) {
        LocalDate latest = ceremonyOn != null && ceremonyOn.isBefore(admissionReceivedOn) ? ceremonyOn
                : admissionReceivedOn;
        if (correctedDate.isBefore(candidacyOpenedOn) || correctedDate.isAfter(latest)) {
            throw new RuleViolation(Invariant.I30, "aCorrectedAdmissionDecisionFallsBetweenCandidacyAndItsReceipt",
                    "An admission decision is signed on or after the candidacy opened on " + candidacyOpenedOn
                            + " and on or before the branch received it and held the ceremony (" + latest + "), not on "
                            + correctedDate + ".");
        }
    }

    private void aCorrectionIsSignedByTheCommitteeThatAdmitsOrTheEntrysDecider(Entry entry, DecisionRef decision,
                                                                              AuthorityResolver authority) {
        if (!decision.issuingOrgId().equals(entry.decidedByOrgId())) {
            CommitteeThatAdmits.mustSign(Invariant.I30, "aCorrectionIsSignedByTheCommitteeThatAdmitsOrTheEntrysDecider",
                    "correcting the record", standing.homeOrgId(), decision, authority);
        }
    }

    /** The level of a badge award on this record, for the badges to free it when the award is annulled. */
    int badgeLevelOf(String awardEventId) {
        return badgeLevels.get(awardEventId);
    }

    /** The kind of effect an entry has: badges per level, every other type one at a time. */
    private String effectOf(EntryType type, String eventId) {
        return type == EntryType.PARTY_BADGE_AWARDED ? type + "/" + badgeLevels.get(eventId) : type.name();
    }

    private void record(String eventId, EntryType type, LocalDate date, String homeOrgId, String decidedByOrgId) {
        entries.put(eventId, new Entry(eventId, type, date, homeOrgId, decidedByOrgId));
        inEffect.put(effectOf(type, eventId), eventId);
    }

    @EventSourcingHandler
    void on(OutstandingCandidateRegistered event) {
        candidacyOpenedOn = event.registeredOn();
        ceremonyOn = null;
        inEffect.remove(EntryType.MEMBER_STRUCK_OFF.name());
        inEffect.remove(EntryType.ADMISSION_APPROVED.name());
    }

    @EventSourcingHandler
    void on(AdmissionApproved event, @MessageIdentifier String eventId) {
        admissionReceivedOn = event.receivedByBranchOn();
        record(eventId, EntryType.ADMISSION_APPROVED, event.decisionDate(), standing.homeOrgId(),
                event.decidedByOrgId());
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        ceremonyOn = event.ceremonyDate();
    }

    @EventSourcingHandler
    void on(MemberStruckOff event, @MessageIdentifier String eventId) {
        record(eventId, EntryType.MEMBER_STRUCK_OFF, event.effectiveDate(), event.homeOrgId(), event.decidedByOrgId());
    }

    @EventSourcingHandler
    void on(MembershipRestored event) {
        inEffect.remove(EntryType.MEMBER_STRUCK_OFF.name());
    }

    @EventSourcingHandler
    void on(MemberDeceased event, @MessageIdentifier String eventId) {
        record(eventId, EntryType.MEMBER_DECEASED, event.dateOfDeath(), event.homeOrgId(), null);
    }

    @EventSourcingHandler
    void on(PartyBadgeAwarded event, @MessageIdentifier String eventId) {
        badgeLevels.put(eventId, event.level());
        record(eventId, EntryType.PARTY_BADGE_AWARDED, event.occasionDate(), standing.homeOrgId(),
                event.decidedByOrgId());
    }

    @EventSourcingHandler
    void on(ExemptionGranted event, @MessageIdentifier String eventId) {
        record(eventId, EntryType.EXEMPTION_GRANTED, event.from(), standing.homeOrgId(), event.decidedByOrgId());
    }

    @EventSourcingHandler
    void on(ExemptionEnded event) {
        inEffect.remove(EntryType.EXEMPTION_GRANTED.name());
    }

    @EventSourcingHandler
    void on(EntryAnnulled event) {
        annulled.add(event.annulledEventId());
        inEffect.remove(effectOf(event.annulledEventType(), event.annulledEventId()));
    }

    @EventSourcingHandler
    void on(EntryDateCorrected event) {
        Entry recorded = entries.get(event.correctedEventId());
        entries.put(recorded.eventId(), new Entry(recorded.eventId(), recorded.type(), event.correctedDate(),
                recorded.homeOrgId(), recorded.decidedByOrgId()));
    }
}
