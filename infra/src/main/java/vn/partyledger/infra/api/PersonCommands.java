package vn.partyledger.infra.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.person.CorrectPersonalData;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.PersonalDataCorrectionReason;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.person.ProcessingBasis;
import vn.partyledger.domain.person.RecordProcessingBasis;
import vn.partyledger.domain.person.RegisterPerson;
import vn.partyledger.domain.person.RequestErasure;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.infra.audit.AccessAudit;
import vn.partyledger.infra.audit.AccessPurpose;
import vn.partyledger.infra.audit.AccessedData;
import vn.partyledger.infra.axon.CommandOutcome;
import vn.partyledger.infra.person.KeyedHash;
import vn.partyledger.infra.person.PersonRegisterRefusal;
import vn.partyledger.infra.person.PersonRegisterStore;
import vn.partyledger.infra.person.PersonalData;
import vn.partyledger.infra.person.ReadPersonalData;
import vn.partyledger.infra.security.CurrentActor;
import vn.partyledger.infra.security.PermissionCheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The person register over HTTP (ADR 0022). A write stores the values encrypted in the register as a new version
 * first, then sends the command whose event names that version: the version is part of the entry once, and only if,
 * the log holds the event, so a refused or interrupted write leaves nothing to take back. The request's fingerprint
 * for Idempotency-Key is a keyed hash, since the body is personal data.
 */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "The person register: personal data kept encrypted outside the log")
public class PersonCommands {

    /** What a registration must state: who the person is, and what the admission rules read (I5). */
    private static final Set<PersonalDataField> REQUIRED = EnumSet.of(PersonalDataField.FULL_NAME,
            PersonalDataField.DATE_OF_BIRTH, PersonalDataField.GENDER, PersonalDataField.NATIONAL_ID,
            PersonalDataField.GENERAL_EDUCATION);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final CommandDispatcher dispatcher;
    private final PersonRegisterStore register;
    private final KeyedHash fingerprints;
    private final CurrentActor actor;
    private final ObjectMapper json;
    private final Clock clock;
    private final PermissionCheck access;
    private final AccessAudit audit;

    public PersonCommands(CommandDispatcher dispatcher, PersonRegisterStore register, KeyedHash fingerprints,
                          CurrentActor actor, ObjectMapper json, Clock clock, PermissionCheck access,
                          AccessAudit audit) {
        this.dispatcher = dispatcher;
        this.register = register;
        this.fingerprints = fingerprints;
        this.actor = actor;
        this.json = json;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping("/{personId}/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a person in the register; a national ID already registered is refused (409)")
    public ResponseEntity<CommandOutcome> register(@PathVariable @RecordId String personId,
            @Valid @RequestBody PersonalData body, RequestContext context) {
        return answer(HttpStatus.CREATED, registerPerson(personId, body, context));
    }

    /** A registration, from this endpoint or from an import's person data: the register first, then the log. */
    public CommandDispatcher.Dispatched registerPerson(String personId, PersonalData body, RequestContext context) {
        LocalDate today = LocalDate.now(clock);
        checkRegistration(body, today);
        // checked before the register is written; the version this command will name does not exist yet
        String registeredFor = actor.get().actingForOrgId();
        access.check(new RegisterPerson(personId, body.fields(), registeredFor, null), personId, today);
        String version = register.register(personId, body, actor.get().userId());
        return dispatch(new RegisterPerson(personId, body.fields(), registeredFor, version), today, body, context);
    }

    /** What a registration must state, and a birth date in the plausible past: refused as bad input otherwise. */
    public static void checkRegistration(PersonalData body, LocalDate today) {
        Set<PersonalDataField> missing = EnumSet.copyOf(REQUIRED);
        missing.removeAll(body.fields());
        if (!missing.isEmpty()) {
            throw PersonRegisterRefusal.invalid("A registration states " + missing + ".");
        }
        bornInThePlausiblePast(body, today);
    }

    @PostMapping("/{personId}/correct-personal-data")
    @Operation(summary = "Correct fields of a person's entry, with a reason; the log records which fields and why")
    public ResponseEntity<CommandOutcome> correct(@PathVariable @RecordId String personId,
            @Valid @RequestBody Correction body, RequestContext context) {
        if (body.changes().fields().isEmpty()) {
            throw PersonRegisterRefusal.invalid("A correction changes at least one field.");
        }
        bornInThePlausiblePast(body.changes(), LocalDate.now(clock));
        access.check(new CorrectPersonalData(personId, body.changes().fields(), body.reason(), body.effectiveDate(),
                null), personId, body.effectiveDate());
        String version = register.correct(personId, body.changes(), body.reason(), body.effectiveDate(),
                actor.get().userId());
        return answer(HttpStatus.OK, dispatch(new CorrectPersonalData(personId, body.changes().fields(),
                body.reason(), body.effectiveDate(), version), body.effectiveDate(), body, context));
    }

    @PostMapping("/{personId}/record-processing-basis")
    @Operation(summary = "Record the basis on which the person's data is processed (consent, Party rules, a law)")
    public ResponseEntity<CommandOutcome> recordProcessingBasis(@PathVariable @RecordId String personId,
            @Valid @RequestBody ProcessingBasisBody body, RequestContext context) {
        RecordProcessingBasis command = new RecordProcessingBasis(personId, body.basis(), body.recordedOn());
        access.check(command, personId, body.recordedOn());
        return answer(HttpStatus.OK, dispatch(command, body.recordedOn(), body, context));
    }

    /**
     * An erasure request: executed by destroying the person's data key unless a retention basis holds, which the
     * answer names. The key is destroyed as soon as the log holds the execution; should this process stop in between,
     * the mark left before sending the command lets the next start finish it (and any read does so too).
     */
    @PostMapping("/{personId}/request-erasure")
    @Operation(summary = "Ask for the person's data to be erased: executed (the key destroyed), or refused with its "
            + "retention basis")
    public ResponseEntity<ErasureAnswer> requestErasure(@PathVariable @RecordId String personId,
            @Valid @RequestBody ErasureBody body, RequestContext context) {
        RequestErasure command = new RequestErasure(personId, body.requestedOn());
        access.check(command, personId, body.requestedOn());
        register.erasurePending(personId);
        CommandDispatcher.Dispatched dispatched = dispatch(command, body.requestedOn(), body, context);
        Object decision = register.erasureDecision(personId).orElseThrow();
        if (decision instanceof ErasureExecuted) {
            register.shred(personId);
        } else {
            register.erasureSettled(personId);
        }
        return ResponseEntity.ok()
                .eTag(Long.toString(dispatched.outcome().version()))
                .header("Idempotent-Replayed", Boolean.toString(dispatched.replayed()))
                .body(new ErasureAnswer(decision.getClass().getSimpleName(), decision, dispatched.outcome()));
    }

    /**
     * A person's entry as it stood on a date (default today). Personal data: the caller must be permitted to read it
     * (docs/permissions.md) before anything is read; a person out of scope and one not registered get the same 403.
     */
    @GetMapping("/{personId}")
    @Operation(summary = "A person's entry as it stood on a business date (personal data); the read and its stated "
            + "purpose are recorded in the access audit before the entry is given out")
    public PersonalData entry(@PathVariable @RecordId String personId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate asOf,
                              @RequestParam AccessPurpose purpose) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        access.check(new ReadPersonalData(personId, date), personId, date);
        PersonalData entry = register.asOf(personId, date).orElseThrow(() -> register.erased(personId)
                ? PersonRegisterRefusal.erased(personId) : PersonRegisterRefusal.notRegistered(personId));
        Actor reader = actor.get();
        audit.record(reader.userId(), reader.role(), reader.actingForOrgId(), personId, AccessedData.PERSONAL_DATA,
                purpose);
        return entry;
    }

    private static void bornInThePlausiblePast(PersonalData data, LocalDate today) {
        LocalDate born = data.dateOfBirth();
        if (born != null && (born.isAfter(today) || born.isBefore(EARLIEST_BIRTH))) {
            throw PersonRegisterRefusal.invalid("dateOfBirth must lie between " + EARLIEST_BIRTH + " and today.");
        }
    }

    private CommandDispatcher.Dispatched dispatch(Object command, LocalDate businessDate, Object body,
                                                  RequestContext context) {
        return dispatcher.dispatch(new CommandRequest(command, businessDate, null, fingerprint(command, body)),
                context);
    }

    private static ResponseEntity<CommandOutcome> answer(HttpStatus success, CommandDispatcher.Dispatched dispatched) {
        return ResponseEntity.status(success)
                .eTag(Long.toString(dispatched.outcome().version()))
                .header("Idempotent-Replayed", Boolean.toString(dispatched.replayed()))
                .body(dispatched.outcome());
    }

    private String fingerprint(Object command, Object body) {
        try {
            return fingerprints.of(command.getClass().getSimpleName() + "\n" + json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    public record ProcessingBasisBody(@NotNull ProcessingBasis basis, @NotNull LocalDate recordedOn) {
    }

    public record ErasureBody(@NotNull LocalDate requestedOn) {
    }

    /**
     * The log's decision — {@code ErasureExecuted}, or {@code ErasureRefused} with its retention basis — its fields, and
     * the command's outcome.
     */
    public record ErasureAnswer(String decision, Object details, CommandOutcome outcome) {
    }

    /**
     * @param changes       the fields that change, with their new values; the others null
     * @param effectiveDate when a change of circumstances takes effect; the business date of the correction
     */
    public record Correction(@NotNull @Valid PersonalData changes,
                             @NotNull PersonalDataCorrectionReason reason,
                             @NotNull LocalDate effectiveDate) {
    }
}
