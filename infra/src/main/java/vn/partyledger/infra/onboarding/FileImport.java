package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.partyledger.command.organisation.OrganisationRegistry;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.onboarding.ImportMembers;
import vn.partyledger.domain.onboarding.OnboardingPolicies;
import vn.partyledger.domain.person.RegisterPerson;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.infra.api.CommandDispatcher;
import vn.partyledger.infra.api.CommandRequest;
import vn.partyledger.infra.api.OrganisationCommands;
import vn.partyledger.infra.api.PersonCommands;
import vn.partyledger.infra.api.RequestContext;
import vn.partyledger.infra.api.StrictRequestJson;
import vn.partyledger.infra.person.PersonRegisterRefusal;
import vn.partyledger.infra.person.PersonRegisterStore;
import vn.partyledger.infra.person.PersonalData;
import vn.partyledger.infra.security.AccessRefused;
import vn.partyledger.infra.security.CurrentActor;
import vn.partyledger.infra.security.PermissionCheck;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports a file of existing organisations and members (issue 10, ADR 0024, ADR 0028), in JSON Lines or CSV. The
 * whole file is read and checked first ({@link ImportFile}, {@link FileChecks}); a file with a refused line writes
 * nothing. Then organisations are founded in file order, and members imported with what their lines show in force —
 * the person registered from the line's data where the register lacks them — through the same command bus,
 * permissions and rules as the API, the branches in parallel and each branch's members in order (one writer per roll),
 * in batches of {@code partyledger.import.batch-size} members, each one append; then the leaderships in office are
 * recorded ({@link Leaderships}). A record already there is left as it is, so running the file again changes nothing
 * and a run that stopped half-way resumes. At the end each branch's members by status are checked against its
 * roster.
 */
@Component
public class FileImport {

    private static final Logger LOG = LoggerFactory.getLogger(FileImport.class);
    /** A line is sent as a request without headers: no Idempotency-Key, If-Match or correlation id. */
    static final RequestContext NO_HEADERS = new RequestContext(null, null, null);
    private static final int PROGRESS_EVERY = 1000;
    private static final Duration ROSTER_WAIT = Duration.ofSeconds(60);

    private final ObjectMapper strict;
    private final Validator validator;
    private final CommandDispatcher dispatcher;
    private final PersonCommands persons;
    private final PersonRegisterStore register;
    private final QueryGateway queries;
    private final PermissionCheck access;
    private final FileChecks checks;
    private final Leaderships leaderships;
    private final Today today;
    private final int workers;
    private final int batchSize;
    private final CurrentActor currentActor;

    public FileImport(ObjectMapper objectMapper, Validator validator, CommandDispatcher dispatcher,
                      PersonCommands persons, PersonRegisterStore register, OrganisationRegistry registry,
                      QueryGateway queries, PermissionCheck access, OnboardingPolicies policies, EventStore log,
                      Today today, CurrentActor currentActor, @Value("${partyledger.import.workers:4}") int workers,
                      @Value("${partyledger.import.batch-size:50}") int batchSize) {
        this.strict = StrictRequestJson.of(objectMapper);
        this.validator = validator;
        this.dispatcher = dispatcher;
        this.persons = persons;
        this.register = register;
        this.queries = queries;
        this.access = access;
        this.checks = new FileChecks(registry, register, policies, today);
        this.leaderships = new Leaderships(dispatcher, log);
        this.today = today;
        this.workers = workers;
        this.batchSize = Math.max(1, batchSize);
        this.currentActor = currentActor;
    }

    /**
     * Runs the import of a file in the given form as the caller of this thread; {@code progress} hears how far it got,
     * now and then.
     */
    public ImportReport run(ImportFormat format, String content, Consumer<String> progress) {
        long started = System.nanoTime();
        LocalDate asOf = today.date();
        ImportFile.Parsed file = ImportFile.parse(format, content, strict, validator);
        List<LineRefusal> refusals = new ArrayList<>(file.refusals());
        checks.check(file, asOf, refusals);
        if (refusals.isEmpty()) {
            callerMayWriteEveryLine(file, asOf, refusals);
        }
        if (!refusals.isEmpty()) {
            refusals.sort((a, b) -> Integer.compare(a.line(), b.line()));
            progress.accept("refused: " + refusals.size() + " problems in " + file.lines() + " lines; nothing written");
            return new ImportReport(ImportReport.REFUSED, file.lines(),
                    new ImportReport.Counts(file.organisations().size(), 0, 0, 0),
                    new ImportReport.Counts(file.members().size(), 0, 0, 0),
                    new ImportReport.Counts(Leaderships.stated(file.organisations()).size(), 0, 0, 0), refusals,
                    List.of(), seconds(started), 0, 0);
        }
        List<LineRefusal> writing = Collections.synchronizedList(new ArrayList<>());
        double checking = seconds(started);
        ImportReport.Counts organisations = foundOrganisations(file.organisations(), writing);
        ImportReport.Counts members = importMembers(file.members(), asOf, writing, progress, started);
        ImportReport.Counts leaderships = this.leaderships.record(file.organisations(), writing);
        double written = seconds(started);
        Set<Integer> refusedLines = writing.stream().map(LineRefusal::line).collect(Collectors.toSet());
        List<ImportReport.BranchTotal> totals = totals(file.members().stream()
                .filter(line -> !refusedLines.contains(line.line())).toList(), asOf, members.imported() > 0);
        List<LineRefusal> refused = new ArrayList<>(writing);
        refused.sort((a, b) -> Integer.compare(a.line(), b.line()));
        progress.accept("done: " + members.imported() + " members imported, " + members.alreadyThere()
                + " already there, " + refused.size() + " refused");
        return new ImportReport(refused.isEmpty() ? ImportReport.COMPLETED : ImportReport.COMPLETED_WITH_REFUSALS,
                file.lines(), organisations, members, leaderships, refused, totals, seconds(started), checking,
                written - checking);
    }

    /**
     * The permission table asked for every line before anything is written, so a caller out of scope leaves nothing
     * half-imported. A line under an organisation the file itself founds is judged by the bus when it is written: its
     * scope is that of the existing organisation the file's chain hangs from, asked here.
     */
    private void callerMayWriteEveryLine(ImportFile.Parsed file, LocalDate today, List<LineRefusal> refusals) {
        // one look-up per organisation, not per line: a province's file names each branch hundreds of times
        Map<String, Boolean> inLedger = new HashMap<>();
        for (ImportFile.Numbered<OrganisationLine> line : file.organisations()) {
            OrganisationCommands.Establish establishment = line.value().establishment();
            if (establishment.parentOrgId() == null
                    || inLedger.computeIfAbsent(establishment.parentOrgId(), checks::organisationExists)) {
                permitted(line.line(), establishment.toCommand(line.value().orgId()), line.value().orgId(),
                        establishment.businessDate(), refusals);
            }
            OrganisationCommands.LeadershipElection leadership = line.value().leadership();
            if (leadership != null && inLedger.computeIfAbsent(line.value().orgId(), checks::organisationExists)) {
                permitted(line.line(), leadership.toCommand(line.value().orgId()), line.value().orgId(),
                        leadership.businessDate(), refusals);
            }
        }
        for (ImportFile.Numbered<MemberLine> line : file.members()) {
            if (inLedger.computeIfAbsent(line.value().homeOrgId(), checks::organisationExists)) {
                permitted(line.line(), line.value().toCommand(today), line.value().memberId(), today, refusals);
            }
        }
    }

    private void permitted(int line, Object command, String recordId, LocalDate date, List<LineRefusal> refusals) {
        try {
            access.check(command, recordId, date);
        } catch (AccessRefused refused) {
            refusals.add(refusal(line, refused));
        }
    }

    private ImportReport.Counts foundOrganisations(List<ImportFile.Numbered<OrganisationLine>> lines,
                                                   List<LineRefusal> refusals) {
        int imported = 0;
        int alreadyThere = 0;
        for (ImportFile.Numbered<OrganisationLine> line : lines) {
            OrganisationLine organisation = line.value();
            if (checks.organisationExists(organisation.orgId())) {
                alreadyThere++;
                continue;
            }
            try {
                dispatcher.dispatch(new CommandRequest(organisation.establishment().toCommand(organisation.orgId()),
                        organisation.establishment().businessDate(), organisation.establishment().decisionRef(), ""),
                        NO_HEADERS);
                imported++;
            } catch (RuntimeException refused) {
                refusals.add(refusal(line.line(), refused));
            }
        }
        return new ImportReport.Counts(lines.size(), imported, alreadyThere, lines.size() - imported - alreadyThere);
    }

    private ImportReport.Counts importMembers(List<ImportFile.Numbered<MemberLine>> lines, LocalDate today,
                                              List<LineRefusal> refusals, Consumer<String> progress, long started) {
        Map<String, List<ImportFile.Numbered<MemberLine>>> byBranch = new LinkedHashMap<>();
        lines.forEach(line -> byBranch.computeIfAbsent(line.value().homeOrgId(), branch -> new ArrayList<>())
                .add(line));
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger alreadyThere = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try {
            List<Future<?>> branches = new ArrayList<>();
            for (List<ImportFile.Numbered<MemberLine>> branch : byBranch.values()) {
                branches.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(caller);
                    try {
                        for (int from = 0; from < branch.size(); from += batchSize) {
                            List<ImportFile.Numbered<MemberLine>> batch =
                                    branch.subList(from, Math.min(branch.size(), from + batchSize));
                            importBatch(batch, today, imported, alreadyThere, refusals);
                            int total = done.addAndGet(batch.size());
                            if (total / PROGRESS_EVERY != (total - batch.size()) / PROGRESS_EVERY) {
                                progress.accept(String.format("%,d of %,d members (%.0f/s)", total, lines.size(),
                                        total / seconds(started)));
                            }
                        }
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            for (Future<?> branch : branches) {
                branch.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted; run the file again to resume it");
        } catch (java.util.concurrent.ExecutionException failed) {
            throw new IllegalStateException("the import failed; run the file again to resume it", failed.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new ImportReport.Counts(lines.size(), imported.get(), alreadyThere.get(),
                lines.size() - imported.get() - alreadyThere.get());
    }

    /**
     * A batch of one branch's members in one command (ADR 0024): their persons registered in the register's bulk
     * writes and in the log with them. A batch the rules refuse — a member already there, a person with another live
     * record — is written again member by member, which imports the others and reports the one refused.
     */
    private void importBatch(List<ImportFile.Numbered<MemberLine>> batch, LocalDate today, AtomicInteger imported,
                             AtomicInteger alreadyThere, List<LineRefusal> refusals) {
        try {
            Map<String, PersonalData> unregistered = new LinkedHashMap<>();
            batch.stream().map(ImportFile.Numbered::value).filter(member -> member.person() != null)
                    .forEach(member -> unregistered.put(member.personId(), member.person()));
            if (register.holdsAnyOf(unregistered.keySet())) {
                // a run resumed, or a batch refused before: member by member, so nobody is registered twice
                batch.forEach(line -> importMember(line, today, imported, alreadyThere, refusals));
                return;
            }
            Actor actor = currentActor.get();
            Map<String, String> versions = register.registerAll(unregistered, actor.userId());
            List<RegisterPerson> registrations = new ArrayList<>();
            unregistered.forEach((personId, data) -> registrations.add(new RegisterPerson(personId, data.fields(),
                    actor.actingForOrgId(), versions.get(personId))));
            dispatcher.dispatch(new CommandRequest(new ImportMembers(batch.get(0).value().homeOrgId(), registrations,
                    batch.stream().map(line -> line.value().toCommand(today)).toList()), today, null, ""), NO_HEADERS);
            imported.addAndGet(batch.size());
        } catch (RuleViolation | AccessRefused | PersonRegisterRefusal | AggregateStreamCreationException refused) {
            LOG.info("A batch of {} members of {} is written member by member: {}", batch.size(),
                    batch.get(0).value().homeOrgId(), refused.getMessage());
            batch.forEach(line -> importMember(line, today, imported, alreadyThere, refusals));
        } catch (RuntimeException failed) {
            // not a refusal: worth an operator's look, though each member is still tried on its own
            LOG.warn("A batch of {} members of {} failed; writing them member by member", batch.size(),
                    batch.get(0).value().homeOrgId(), failed);
            batch.forEach(line -> importMember(line, today, imported, alreadyThere, refusals));
        }
    }

    private void importMember(ImportFile.Numbered<MemberLine> line, LocalDate today, AtomicInteger imported,
                              AtomicInteger alreadyThere, List<LineRefusal> refusals) {
        MemberLine member = line.value();
        try {
            if (member.person() != null && !register.registered(member.personId())) {
                persons.registerPerson(member.personId(), member.person(), NO_HEADERS);
            }
            dispatcher.dispatch(new CommandRequest(member.toCommand(today), today, null, ""), NO_HEADERS);
            imported.incrementAndGet();
        } catch (RuleViolation violation) {
            if ("aRecordIsImportedOnceIntoANewRecord".equals(violation.rule())) {
                alreadyThere.incrementAndGet();
            } else {
                refusals.add(refusal(line.line(), violation));
            }
        } catch (RuntimeException refused) {
            refusals.add(refusal(line.line(), refused));
        }
    }

    /**
     * Each branch of the file: the file's members that landed by status, and the same members by status on the roster
     * (a line refused while writing is in the report, not on the roll) — members
     * recorded since (a candidate admitted live) are not the file's to count. The roster follows the log within
     * moments, so a run that wrote members waits for it to catch up; a run that wrote none (the same file again) reads
     * it once.
     */
    private List<ImportReport.BranchTotal> totals(List<ImportFile.Numbered<MemberLine>> lines, LocalDate today,
                                                  boolean membersWritten) {
        Map<String, Map<MemberStatus, Integer>> inFile = new LinkedHashMap<>();
        Map<String, Set<String>> fileMembers = new HashMap<>();
        lines.forEach(line -> {
            String branch = line.value().homeOrgId();
            inFile.computeIfAbsent(branch, orgId -> new EnumMap<>(MemberStatus.class))
                    .merge(line.value().toCommand(today).status(), 1, Integer::sum);
            fileMembers.computeIfAbsent(branch, orgId -> new HashSet<>()).add(line.value().memberId());
        });
        long deadline = System.nanoTime() + ROSTER_WAIT.toNanos();
        Map<String, ImportReport.BranchTotal> totals = new LinkedHashMap<>();
        do {
            // a branch whose roster matched is not asked again: only those still catching up are
            inFile.forEach((branch, expected) -> {
                if (!totals.containsKey(branch) || !totals.get(branch).matches()) {
                    Map<MemberStatus, Integer> onRoster = onRoster(branch, fileMembers.get(branch), today);
                    totals.put(branch, new ImportReport.BranchTotal(branch, expected, onRoster,
                            onRoster.equals(expected)));
                }
            });
        } while (membersWritten && totals.values().stream().anyMatch(total -> !total.matches())
                && System.nanoTime() < deadline && pause());
        return List.copyOf(totals.values());
    }

    private Map<MemberStatus, Integer> onRoster(String orgId, Set<String> fileMembers, LocalDate today) {
        Map<MemberStatus, Integer> counts = new EnumMap<>(MemberStatus.class);
        queries.query(new FindBranchRoster(orgId, today), ResponseTypes.optionalInstanceOf(BranchRoster.class)).join()
                .ifPresent(roster -> roster.members().stream()
                        .filter(entry -> !entry.attachedIn() && fileMembers.contains(entry.memberId()))
                        .forEach(entry -> counts.merge(entry.status(), 1, Integer::sum)));
        return counts;
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A line refused while written: by a rule, the permission table or the register, or failed unexpectedly. */
    static LineRefusal refusal(int line, RuntimeException refused) {
        if (refused instanceof RuleViolation violation) {
            return new LineRefusal(line, null, violation.code(), violation.rule(), violation.getMessage());
        }
        if (refused instanceof AccessRefused access) {
            return new LineRefusal(line, null, access.code(), null, access.getMessage());
        }
        if (refused instanceof PersonRegisterRefusal register) {
            return new LineRefusal(line, "person", register.code(), null, register.getMessage());
        }
        if (refused instanceof AggregateStreamCreationException taken) {
            // the line's own records are looked up first: what is taken is an id the ledger holds for another record
            return new LineRefusal(line, null, "ALREADY_EXISTS", null, "a record this line opens has an id the ledger "
                    + "holds already (" + taken.getMessage() + "), such as an attachment's transferId; nothing of the "
                    + "line was written");
        }
        LOG.error("Import line {} failed unexpectedly", line, refused);
        return new LineRefusal(line, null, "INTERNAL_ERROR", null,
                "the line failed unexpectedly (logged); run the file again to retry it");
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
