package vn.partyledger.query.partyage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import vn.partyledger.query.batch.BatchedDocuments;
import vn.partyledger.query.batch.BatchedUpdates;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.badge.PartyBadgeReturned;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.AppealOutcome;
import vn.partyledger.domain.discipline.AppealResolved;
import vn.partyledger.domain.discipline.AppealSubject;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImported;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAgeRecord;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.TransferPresentedLate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps {@code party_age_facts}, one document per member with what the member's party age and badges are read from
 * ({@link PartyAgeFacts}), and {@code party_age_deceased}, one document per branch listing the members who died on its
 * roll, for the posthumous candidates (ADR 0040). Every event touches one member's document, read and written by key;
 * the member's events come in order (Axon sequences them per aggregate), and a document remembers the last one applied.
 * The writes of a processor batch are held and sent in bulk before its token; the members' documents a batch needs are
 * read at once (ADR 0038).
 */
@ProcessingGroup(PartyAgeProjection.PROCESSING_GROUP)
public class PartyAgeProjection {

    public static final String PROCESSING_GROUP = "party-age";
    public static final String FACTS = "party_age_facts";
    public static final String DECEASED = "party_age_deceased";

    private final MongoCollection<Document> facts;
    private final MongoCollection<Document> deceased;
    private final BatchedDocuments memberFacts;
    private final BatchedUpdates deceasedChanges;

    public PartyAgeProjection(MongoDatabase database) {
        this.facts = database.getCollection(FACTS);
        this.deceased = database.getCollection(DECEASED);
        this.memberFacts = new BatchedDocuments(facts, event -> event instanceof DomainEventMessage<?> inStream
                ? Stream.of(inStream.getAggregateIdentifier()) : Stream.empty());
        this.deceasedChanges = new BatchedUpdates(deceased);
    }

    @EventHandler
    void on(AdmissionApproved event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.fold(record -> record.admissionApproved(
                event.decisionDate())));
    }

    @EventHandler
    void on(MemberAdmitted event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.status(MemberStatus.PROBATIONARY));
    }

    /** The paper file's badges are held from the day it says each was awarded. */
    @EventHandler
    void on(MemberImported event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(event.memberId(), sequence, member -> {
            member.fold(record -> record.imported(event.firstAdmissionDecisionDate(), event.partyAgeGaps()));
            member.status(event.status());
            event.badges().forEach(badge -> member.awarded(badge.level(), badge.awardedOn(),
                    eventId + "/" + badge.level()));
        });
    }

    /**
     * A letter from another province brought the member with their whole count, badges and disciplines in effect
     * (ADR 0050); a member coming back keeps the badges recorded here before and gains those awarded there.
     */
    @EventHandler
    void on(MemberJoinedFromProvince event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(event.memberId(), sequence, member -> {
            member.fold(record -> PartyAgeRecord.NONE.imported(event.firstAdmissionDecisionDate(),
                    event.partyAgeGaps()));
            member.status(event.status());
            Set<Integer> held = member.heldLevelsOn(event.joinedOn());
            event.badges().stream().filter(badge -> !held.contains(badge.level()))
                    .forEach(badge -> member.awarded(badge.level(), badge.awardedOn(), eventId + "/" + badge.level()));
            event.disciplineInEffect().forEach(discipline -> member.disciplined(discipline.form(),
                    discipline.effectiveDate()));
        });
    }

    @EventHandler
    void on(FullMembershipRecognized event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.status(MemberStatus.FULL));
    }

    @EventHandler
    void on(ProbationaryMemberStruckOff event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> {
            member.fold(record -> record.exitOn(event.decisionDate()));
            member.status(MemberStatus.STRUCK_OFF);
        });
    }

    @EventHandler
    void on(MemberStruckOff event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> {
            member.fold(record -> record.exitOn(event.effectiveDate()));
            member.status(event.ground() == StrikeOffGround.VOLUNTARY_EXIT ? MemberStatus.LEFT_VOLUNTARILY
                    : MemberStatus.STRUCK_OFF);
        });
    }

    /** Every discipline defers a badge; an expulsion also ends the membership and opens a gap. */
    @EventHandler
    void on(DisciplineImposed event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> {
            member.disciplined(event.form(), event.effectiveDate());
            if (event.form() == DisciplineForm.EXPULSION) {
                member.fold(record -> record.exitOn(event.effectiveDate()));
                member.status(MemberStatus.EXPELLED);
            }
        });
    }

    /** A discipline the paper file showed in effect defers a badge as one imposed on the day it was decided. */
    @EventHandler
    void on(DisciplineImported event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.disciplined(event.form(), event.decidedOn()));
    }

    @EventHandler
    void on(AppealResolved event, @SequenceNumber long sequence) {
        boolean undone = event.outcome() == AppealOutcome.ANNULLED || event.outcome() == AppealOutcome.REDUCED;
        if (event.subject() == AppealSubject.DISCIPLINE && undone) {
            change(event.memberId(), sequence, PartyAgeFacts::latestDisciplineUndone);
        }
    }

    @EventHandler
    void on(MemberLostContact event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.fold(record -> record.contactLostFrom(event.from())));
    }

    @EventHandler
    void on(MemberContactRestored event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.fold(record -> record.contactRestoredOn(event.to())));
    }

    @EventHandler
    void on(TransferPresentedLate event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.fold(record -> record.presentedLate(event.presentBy(),
                event.presentedDate())));
    }

    @EventHandler
    void on(MembershipRestored event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> {
            if (event.partyAgeContinuous()) {
                member.fold(record -> record.restoredContinuously());
            }
            member.status(event.restoredStatus());
        });
    }

    /** The member died on the branch's roll: listed there for a posthumous badge. */
    @EventHandler
    void on(MemberDeceased event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.died(event.dateOfDeath()));
        // repeated even when the member's document was applied already: a crash may have come between the two writes
        deceasedChanges.updateOne(Filters.eq("_id", event.homeOrgId()),
                Updates.addToSet("memberIds", event.memberId()), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(PartyBadgeAwarded event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(event.memberId(), sequence, member -> member.awarded(event.level(), event.occasionDate(), eventId));
    }

    @EventHandler
    void on(PartyBadgeReturned event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> member.returned(event.level(), event.returnedOn()));
    }

    /** An annulled strike-off, death or badge award never happened (I30). */
    @EventHandler
    void on(EntryAnnulled event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> {
            if (event.annulledEventType() == EntryType.MEMBER_STRUCK_OFF) {
                member.fold(record -> record.strikeOffAnnulled(event.entryDate()));
                member.status(event.restoredStatus());
            } else if (event.annulledEventType() == EntryType.MEMBER_DECEASED) {
                member.deathAnnulled();
            } else if (event.annulledEventType() == EntryType.PARTY_BADGE_AWARDED) {
                member.awardAnnulled(event.annulledEventId());
            }
        });
    }

    @EventHandler
    void on(EntryDateCorrected event, @SequenceNumber long sequence) {
        change(event.memberId(), sequence, member -> {
            if (event.correctedEventType() == EntryType.ADMISSION_APPROVED) {
                member.fold(record -> record.admissionDateCorrected(event.recordedDate(), event.correctedDate()));
            } else if (event.correctedEventType() == EntryType.MEMBER_DECEASED) {
                member.deathDateCorrected(event.correctedDate());
            }
        });
    }

    /** The facts of these members, by member id, read by key; a member with no party-age event yet has none. */
    Map<String, PartyAgeFacts> factsOf(Collection<String> memberIds) {
        Map<String, PartyAgeFacts> found = new HashMap<>();
        if (!memberIds.isEmpty()) {
            facts.find(Filters.in("_id", memberIds)).map(PartyAgeFacts::new)
                    .forEach(member -> found.put(member.memberId(), member));
        }
        return found;
    }

    /** The members who died on the roll of each of these branches, by branch id. */
    Map<String, List<PartyAgeFacts>> deceasedIn(Collection<String> branchIds) {
        Map<String, List<PartyAgeFacts>> byBranch = new HashMap<>();
        deceased.find(Filters.in("_id", branchIds)).forEach(branch -> {
            Map<String, PartyAgeFacts> members = factsOf(branch.getList("memberIds", String.class, List.of()));
            byBranch.put(branch.getString("_id"), new ArrayList<>(members.values()));
        });
        return byBranch;
    }

    private void change(String memberId, long sequence, Consumer<PartyAgeFacts> change) {
        PartyAgeFacts member = memberFacts.find(memberId).map(PartyAgeFacts::new)
                .orElseGet(() -> PartyAgeFacts.empty(memberId));
        if (member.takes(sequence)) {
            change.accept(member);
            memberFacts.replace(member.document());
        }
    }
}
