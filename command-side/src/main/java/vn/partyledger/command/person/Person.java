package vn.partyledger.command.person;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.partyledger.domain.person.CorrectPersonalData;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.ErasurePolicy;
import vn.partyledger.domain.person.ErasureRefused;
import vn.partyledger.domain.person.ErasureRequested;
import vn.partyledger.domain.person.MemberRecordOpened;
import vn.partyledger.domain.person.PersonRegistered;
import vn.partyledger.domain.person.PersonalDataCorrected;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.person.ProcessingBasisRecorded;
import vn.partyledger.domain.person.RecordProcessingBasis;
import vn.partyledger.domain.person.RegisterPerson;
import vn.partyledger.domain.person.RequestErasure;
import vn.partyledger.domain.person.RetentionBasis;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person in the register (domain.md §15.2, ADR 0022): who registered and corrected what, and which member records
 * are the person's. Its events carry field names and reason codes; the values are in the encrypted register.
 */
public class Person {

    @AggregateIdentifier
    private String personId;

    /** The person's member records, in the order they were opened. */
    private final List<String> memberRecords = new ArrayList<>();
    /** The person's data key was destroyed: the register takes nothing more for the person. */
    private boolean erased;
    /** The organisation the person was registered for: the entry's owner until the person is on a member record. */
    private String registeredFor;

    protected Person() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Person(RegisterPerson command) {
        apply(new PersonRegistered(command.personId(), command.fields(), command.registeredFor(),
                command.entryVersion()));
    }

    @CommandHandler
    void handle(CorrectPersonalData command, Today today) {
        today.businessDateIsNotInTheFuture("correction", command.effectiveDate());
        anErasedPersonsEntryIsGoneForGood();
        aDateOfBirthIsCorrectedForEveryDate(command);
        apply(new PersonalDataCorrected(personId, command.fields(), command.reason(), command.effectiveDate(),
                command.entryVersion()));
    }

    @CommandHandler
    void handle(RecordProcessingBasis command, Today today) {
        today.businessDateIsNotInTheFuture("processing basis", command.recordedOn());
        anErasedPersonsEntryIsGoneForGood();
        apply(new ProcessingBasisRecorded(personId, command.basis(), command.recordedOn()));
    }

    /**
     * An erasure request (domain.md §15.2 rule 3): refused while a member record of the person is live, or while the
     * archive policy keeps a former member's record (for good by default, [U]); otherwise executed.
     *
     * @param records the person's member records as they stand now
     */
    public void requestErasure(RequestErasure command, List<MemberRecordView> records, ErasurePolicy policy,
                               Today today) {
        today.businessDateIsNotInTheFuture("erasure request", command.requestedOn());
        anErasedPersonsEntryIsGoneForGood();
        LocalDate on = command.requestedOn();
        apply(new ErasureRequested(personId, on));
        Optional<MemberRecordView> live = records.stream().filter(MemberRecordView::open).findFirst();
        if (live.isPresent()) {
            apply(new ErasureRefused(personId, RetentionBasis.MEMBER_RECORD_LIVE, live.get().memberId(), null, on));
            return;
        }
        for (MemberRecordView former : records.stream().filter(MemberRecordView::admittedBefore).toList()) {
            Optional<LocalDate> keptUntil = Optional.ofNullable(former.leftOn()).flatMap(policy::keptUntil);
            if (keptUntil.isEmpty() || !keptUntil.get().isBefore(on)) {
                apply(new ErasureRefused(personId, RetentionBasis.ARCHIVE_AFTER_EXIT, former.memberId(),
                        keptUntil.orElse(null), on));
                return;
            }
        }
        apply(new ErasureExecuted(personId, on));
    }

    /** The organisation the registering branch or board acted for, or null if the registration named none. */
    public String registeredFor() {
        return registeredFor;
    }

    public List<String> memberRecords() {
        return List.copyOf(memberRecords);
    }

    /**
     * A candidacy of this person on {@code memberId}: refused while another of the person's records is live, and a
     * former member comes back only on the record they were admitted on, where the re-admission rules (I3, I25) read
     * the whole history. Returns the event when the record is new to the person.
     *
     * @param otherRecords the person's other records as they stand now
     */
    public Optional<MemberRecordOpened> openMemberRecord(String memberId, LocalDate openedOn,
                                                         List<MemberRecordView> otherRecords) {
        anErasedPersonsEntryIsGoneForGood();
        aPersonHasOneLiveMemberRecord(memberId, otherRecords);
        aFormerMemberComesBackOnTheirOwnRecord(memberId, otherRecords);
        if (memberRecords.contains(memberId)) {
            return Optional.empty();
        }
        MemberRecordOpened opened = new MemberRecordOpened(personId, memberId, openedOn);
        apply(opened);
        return Optional.of(opened);
    }

    private void anErasedPersonsEntryIsGoneForGood() {
        if (erased) {
            throw new RuleViolation(Invariant.ERASURE, "anErasedPersonsEntryIsGoneForGood",
                    "Person " + personId + " was erased: the person's data key is destroyed, and the register takes "
                            + "no correction, basis, erasure or candidacy for the person any more.");
        }
    }

    /**
     * Nobody's birth changes with their circumstances: a date of birth keyed in wrongly was wrong on every date. Ages,
     * and the age groups counted from them, then never depend on the date the register is read for (ADR 0057).
     */
    private static void aDateOfBirthIsCorrectedForEveryDate(CorrectPersonalData command) {
        if (command.fields().contains(PersonalDataField.DATE_OF_BIRTH) && !command.reason().restatesThePast()) {
            throw new RuleViolation(Invariant.DATE_OF_BIRTH_FOR_EVERY_DATE, "aDateOfBirthIsCorrectedForEveryDate",
                    "A date of birth does not change with circumstances: correct it as an entry error or at the "
                            + "person's request, which holds for every date, not as " + command.reason() + ".");
        }
    }

    private void aPersonHasOneLiveMemberRecord(String memberId, List<MemberRecordView> otherRecords) {
        otherRecords.stream().filter(MemberRecordView::open).findFirst().ifPresent(live -> {
            throw new RuleViolation(Invariant.I3, "aPersonHasOneLiveMemberRecord",
                    "Person " + personId + " already has a live member record, " + live.memberId()
                            + " (a candidate with an open file, a probationary or a full member), so record "
                            + memberId + " cannot be opened as a candidacy.");
        });
    }

    private void aFormerMemberComesBackOnTheirOwnRecord(String memberId, List<MemberRecordView> otherRecords) {
        otherRecords.stream().filter(MemberRecordView::admittedBefore).findFirst().ifPresent(former -> {
            throw new RuleViolation(Invariant.I3, "aFormerMemberComesBackOnTheirOwnRecord",
                    "Person " + personId + " was admitted on record " + former.memberId() + "; a former member "
                            + "is registered again on that record, whose history the re-admission rules read, not "
                            + "on " + memberId + ".");
        });
    }

    @EventSourcingHandler
    private void on(PersonRegistered event) {
        personId = event.personId();
        registeredFor = event.registeredFor();
    }

    @EventSourcingHandler
    private void on(MemberRecordOpened event) {
        memberRecords.add(event.memberId());
    }

    @EventSourcingHandler
    private void on(ErasureExecuted event) {
        erased = true;
    }
}
