package vn.partyledger.infra.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.partyledger.domain.badge.FindBadgeEligibility;
import vn.partyledger.domain.badge.FindPartyAgeStatistics;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.FindRosterTotals;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.statistics.FindMembershipLosses;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.timeline.FindMemberChanges;
import vn.partyledger.domain.timeline.FindMemberState;
import vn.partyledger.domain.timeline.FindMemberTimeline;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.infra.audit.ReadAccessAudit;
import vn.partyledger.infra.checkpoint.ProveConsistency;
import vn.partyledger.infra.checkpoint.ProveInclusion;
import vn.partyledger.infra.checkpoint.ReadCheckpoints;
import vn.partyledger.infra.checkpoint.ReadVerificationProgress;
import vn.partyledger.infra.checkpoint.VerifyLog;
import vn.partyledger.infra.checkpoint.VerifyRecord;
import vn.partyledger.infra.export.ExportMemberHistory;
import vn.partyledger.infra.export.ExportOrganisationHistory;
import vn.partyledger.infra.person.ReadPersonalData;
import vn.partyledger.infra.integration.inbound.ReadDeadLetters;
import vn.partyledger.infra.rebuild.ReadRebuildProgress;
import vn.partyledger.infra.security.PermissionTable;
import vn.partyledger.infra.security.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Least privilege over real HTTP (ADR 0021): every command of the published OpenAPI document and every query, sent by
 * every role, on records in the user's subtree and outside it, is refused or let through exactly as the
 * {@link PermissionTable} says. A refusal is 403 problem+json naming its rule, with nothing appended; a permitted
 * request is never 403 (the rules may still refuse its generated body, 4xx).
 *
 * <p>Each command's type is learnt from the request of the {@code board}, which acts for the test tree's root and so
 * may send everything: a spy on the command bus sees what it dispatched. The other users act for the matrix tree
 * (test-users.properties): {@code secretary} for its branch, {@code ward-board} for the ward above it.
 */
class PermissionMatrixTest extends RunningApplication {

    private static final String MATRIX_WARD = "matrix-ward";
    private static final String MATRIX_BRANCH = "matrix-kp1";
    private static final Set<String> RESHAPING = Set.of("/api/v1/organisations/{orgId}/dissolve",
            "/api/v1/organisations/{orgId}/merge", "/api/v1/organisations/{orgId}/split",
            "/api/v1/organisations/{orgId}/reparent");
    /** Commands that concern the caller's own organisation (a person on no record yet): never out of anyone's scope. */
    private static final Set<String> OWN_ORGANISATION = Set.of("/api/v1/persons/{personId}/register");
    private static final Map<String, Class<?>> QUERIES = Map.ofEntries(
            Map.entry("/api/v1/organisations/{orgId}/roster", FindBranchRoster.class),
            Map.entry("/api/v1/organisations/{orgId}/roster/totals", FindRosterTotals.class),
            Map.entry("/api/v1/organisations/{orgId}/tree", FindOrganisationTree.class),
            Map.entry("/api/v1/organisations/{orgId}/due", FindDueList.class),
            Map.entry("/api/v1/organisations/{orgId}/recruitment", FindRecruitmentDashboard.class),
            Map.entry("/api/v1/organisations/{orgId}/party-age", FindPartyAgeStatistics.class),
            Map.entry("/api/v1/organisations/{orgId}/badge-eligibility", FindBadgeEligibility.class),
            Map.entry("/api/v1/organisations/{orgId}/statistics/membership", FindMembershipStatistics.class),
            Map.entry("/api/v1/organisations/{orgId}/statistics/losses", FindMembershipLosses.class),
            Map.entry("/api/v1/persons/{personId}", ReadPersonalData.class),
            Map.entry("/api/v1/access-audit", ReadAccessAudit.class),
            Map.entry("/api/v1/admin/projections/{projection}/rebuild", ReadRebuildProgress.class),
            Map.entry("/api/v1/admin/integration/dead-letters", ReadDeadLetters.class),
            Map.entry("/api/v1/members/{memberId}/timeline", FindMemberTimeline.class),
            Map.entry("/api/v1/members/{memberId}/state", FindMemberState.class),
            Map.entry("/api/v1/members/{memberId}/changes", FindMemberChanges.class),
            Map.entry("/api/v1/checkpoints", ReadCheckpoints.class),
            Map.entry("/api/v1/checkpoints/latest", ReadCheckpoints.class),
            Map.entry("/api/v1/checkpoints/key", ReadCheckpoints.class),
            Map.entry("/api/v1/proofs/inclusion", ProveInclusion.class),
            Map.entry("/api/v1/proofs/consistency", ProveConsistency.class),
            Map.entry("/api/v1/verification", VerifyLog.class),
            Map.entry("/api/v1/verification/records/{recordId}", VerifyRecord.class),
            Map.entry("/api/v1/admin/verifications/{verificationId}", ReadVerificationProgress.class),
            Map.entry("/api/v1/members/{memberId}/history", ExportMemberHistory.class),
            Map.entry("/api/v1/members/{memberId}/history/summary", ExportMemberHistory.class),
            Map.entry("/api/v1/organisations/{orgId}/history", ExportOrganisationHistory.class),
            Map.entry("/api/v1/organisations/{orgId}/history/summary", ExportOrganisationHistory.class));
    /**
     * Followed, not answered: streams the matrix's requests would wait on until they time out. Each sends its plain
     * read's query through the same authorisation; LiveRosterEndToEndTest, DueListEndToEndTest and
     * LiveRecruitmentEndToEndTest refuse the matrix's users there as here.
     */
    private static final Set<String> STREAMS = Set.of("/api/v1/organisations/{orgId}/roster/live",
            "/api/v1/organisations/{orgId}/due/live", "/api/v1/organisations/{orgId}/recruitment/live");
    /**
     * What a query must state besides its path: a read of personal data names its purpose, a state its date, the
     * recruitment figures and the losses their year.
     */
    private static final Map<String, String> QUERY_STRINGS = Map.ofEntries(Map.entry("/api/v1/persons/{personId}",
            "?purpose=CASE_WORK"), Map.entry("/api/v1/members/{memberId}/state", "?asOf=2026-03-03"),
            Map.entry("/api/v1/members/{memberId}/changes", "?from=2025-01-01&to=2026-03-03"),
            Map.entry("/api/v1/organisations/{orgId}/recruitment", "?year=2026"),
            Map.entry("/api/v1/organisations/{orgId}/statistics/losses", "?year=2026"),
            Map.entry("/api/v1/proofs/inclusion", "?eventId=no-such-event"),
            Map.entry("/api/v1/proofs/consistency", "?first=1&second=1"),
            Map.entry("/api/v1/organisations/{orgId}/history", "?from=2025-01-01&to=2026-03-03"),
            Map.entry("/api/v1/organisations/{orgId}/history/summary", "?from=2025-01-01&to=2026-03-03"));
    /** Answered with a file rather than JSON when let through (ADR 0047): read as text, refusals as problems. */
    private static final Set<String> FILES = Set.of("/api/v1/members/{memberId}/history",
            "/api/v1/members/{memberId}/history/summary", "/api/v1/organisations/{orgId}/history",
            "/api/v1/organisations/{orgId}/history/summary");

    /** Who the matrix sends as, and whether the records of the other tree are in its scope too. */
    private record User(String name, Role role, boolean reachesEveryTree, boolean lapsed) {

        RestClient client(PermissionMatrixTest test) {
            return test.as(name, name + "-local-only");
        }
    }

    private static final User BOARD = new User("board", Role.ORGANISATION_BOARD, true, false);
    private static final List<User> OTHERS = List.of(
            new User("secretary", Role.BRANCH_SECRETARY, false, false),
            new User("ward-board", Role.ORGANISATION_BOARD, false, false),
            new User("auditor", Role.AUDITOR, false, false),
            new User("lapsed-auditor", Role.AUDITOR, false, true),
            new User("security-officer", Role.SECURITY_OFFICER, false, false),
            new User("administrator", Role.ADMINISTRATOR, false, false));

    /** The records a request names: an organisation, a member, a transfer case and the member's person. */
    private record Records(String org, String member, String transfer) {

        String person() {
            return Scenario.personOf(member);
        }

        String byResource(String resource) {
            return switch (resource) {
                case "members" -> member;
                case "transfers" -> transfer;
                case "persons" -> person();
                default -> org;
            };
        }

        String byField(String field) {
            String name = field.toLowerCase();
            return name.contains("member") ? member : name.contains("transfer") ? transfer
                    : name.contains("person") ? person() : org;
        }

        Records withOrg(String otherOrg) {
            return new Records(otherOrg, member, transfer);
        }
    }

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandBus commandBus;

    private final PermissionTable table = new PermissionTable();
    private final AtomicInteger fresh = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private Scenario matrix;

    @Test
    void everyCommandAndQueryIsRefusedOrLetThroughAsThePermissionTableSays() {
        matrix = new Scenario(board(), MATRIX_WARD, MATRIX_BRANCH).organisationTree();
        Records inScope = matrixRecords();
        Records outOfScope = otherTreeRecords();
        JsonNode document = apiDocument();
        SampleBodies bodies = new SampleBodies(document.at("/components/schemas"));
        AtomicReference<Class<?>> dispatched = new AtomicReference<>();
        Map<String, Integer> answers = new TreeMap<>();

        try (AppendedEvents appended = new AppendedEvents(eventStore);
             Spy ignored = new Spy(commandBus, dispatched)) {
            commandOperations(document).forEach((path, operation) -> {
                boolean creates = operation.path("responses").has("201");
                Records boardsRecords = inScopeOf(BOARD, path, inScope);
                dispatched.set(null);
                ResponseEntity<JsonNode> boards = send(BOARD, path, creates, boardsRecords, bodies, operation,
                        appended, null, answers);
                Class<?> command = dispatched.get();
                if (command == null) {
                    failures.add("POST " + path + " as board dispatched no command, so its permission is unknown: "
                            + boards.getStatusCode().value() + " " + boards.getBody() + " to "
                            + bodies.of(operation, inScope::byField) + " from " + bodies.bodySchema(operation));
                    return;
                }
                Set<Role> permitted = table.of(command).map(PermissionTable.Permission::roles).orElse(Set.of());
                for (User user : OTHERS) {
                    send(user, path, creates, inScopeOf(user, path, inScope), bodies, operation, appended,
                            expectedRefusal(user, permitted, true), answers);
                    send(user, path, creates, outOfScope, bodies, operation, appended,
                            expectedRefusal(user, permitted, OWN_ORGANISATION.contains(path)), answers);
                }
            });
            queryOperations(document).forEach(path -> {
                Set<Role> permitted = table.of(QUERIES.get(path)).orElseThrow().roles();
                read(BOARD, path, inScope, expectedRefusal(BOARD, permitted, true), answers);
                for (User user : OTHERS) {
                    read(user, path, inScope, expectedRefusal(user, permitted, true), answers);
                    read(user, path, outOfScope, expectedRefusal(user, permitted, false), answers);
                }
            });
        }

        System.out.printf("Permission matrix: %d requests to %d commands and %d queries; answers: %s%n",
                answers.values().stream().mapToInt(Integer::intValue).sum(), commandOperations(document).size(),
                queryOperations(document).size(), answers);
        assertThat(failures).as("requests not refused or let through as the permission table says").isEmpty();
    }

    /** The refusal's code the table calls for, or null where the request must get through. */
    private static String expectedRefusal(User user, Set<Role> permitted, boolean inUsersTree) {
        if (user.lapsed()) {
            return "ACCESS_EXPIRED";
        }
        if (!permitted.contains(user.role())) {
            return "ROLE_NOT_PERMITTED";
        }
        return user.role().readsEveryOrganisation() || inUsersTree || user.reachesEveryTree() ? null : "OUT_OF_SCOPE";
    }

    private ResponseEntity<JsonNode> send(User user, String path, boolean creates, Records records,
                                          SampleBodies bodies, JsonNode operation, AppendedEvents appended,
                                          String expectedRefusal, Map<String, Integer> answers) {
        String id = creates ? "new-" + fresh.incrementAndGet() + "-" + matrix.suffix
                : records.byResource(path.split("/")[3]);
        String body = bodies.of(operation, records::byField).toString();
        int before = appended.count();
        ResponseEntity<JsonNode> response = user.client(this).post().uri(path.replaceFirst("\\{[^}]+}", id))
                .body(body).retrieve().toEntity(JsonNode.class);
        judge("POST " + path + " on " + id + " as " + user.name(), response, expectedRefusal,
                appended.since(before), answers);
        return response;
    }

    private void read(User user, String path, Records records, String expectedRefusal, Map<String, Integer> answers) {
        String id = records.byResource(path.split("/")[3]);
        RestClient.ResponseSpec answer = user.client(this).get()
                .uri(path.replaceFirst("\\{[^}]+}", id) + QUERY_STRINGS.getOrDefault(path, "")).retrieve();
        ResponseEntity<JsonNode> response = FILES.contains(path) ? asProblem(answer.toEntity(String.class))
                : answer.toEntity(JsonNode.class);
        judge("GET " + path + " on " + id + " as " + user.name(), response, expectedRefusal, List.of(), answers);
    }

    /** A file let through is judged by its status alone; a refusal is read as the problem it is. */
    private static ResponseEntity<JsonNode> asProblem(ResponseEntity<String> file) {
        boolean problem = MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(file.getHeaders().getContentType());
        try {
            return new ResponseEntity<>(problem ? new ObjectMapper().readTree(file.getBody()) : null,
                                        file.getHeaders(), file.getStatusCode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem that is not JSON: " + file.getBody(), e);
        }
    }

    private void judge(String request, ResponseEntity<JsonNode> response, String expectedRefusal,
                       List<String> written, Map<String, Integer> answers) {
        int status = response.getStatusCode().value();
        answers.merge(status + (status == 403 ? " " + response.getBody().path("code").asText() : ""), 1,
                Integer::sum);
        if (expectedRefusal == null) {
            if (status == 403 || status >= 500) {
                failures.add(request + " should get through, but answered " + status + " " + response.getBody());
            }
            return;
        }
        boolean refusedAsExpected = status == 403
                && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())
                && expectedRefusal.equals(response.getBody().path("code").asText())
                && !response.getBody().path("detail").asText().isBlank();
        if (!refusedAsExpected || !written.isEmpty()) {
            failures.add(request + " should be refused 403 " + expectedRefusal + ", but answered " + status + " "
                    + response.getBody() + (written.isEmpty() ? "" : " and wrote " + written));
        }
    }

    /**
     * A member of the matrix branch, and a transfer case to it from the ward's other branch: in the secretary's and
     * the ward board's scope.
     */
    private Records matrixRecords() {
        String member = "pm-a-" + matrix.suffix;
        String arriving = "pm-b-" + matrix.suffix;
        String transfer = "pt-" + matrix.suffix;
        matrix.admittedMember(member);
        Scenario secondBranch = new Scenario(board(), MATRIX_WARD, matrix.secondBranch());
        secondBranch.admittedMember(arriving);
        expect(secondBranch.issueTransferLetter(transfer, arriving, "TEMPORARY", MATRIX_BRANCH, "2026-03-03"), 201);
        return new Records(MATRIX_BRANCH, member, transfer);
    }

    /** The same kinds of record in a tree of their own, outside the matrix users' scope. */
    private Records otherTreeRecords() {
        Scenario other = new Scenario(board()).organisationTree();
        String member = "px-" + other.suffix;
        String transfer = "ptx-" + other.suffix;
        other.admittedMember(member);
        expect(other.issueTransferLetter(transfer, member, "TEMPORARY", other.secondBranch(), "2026-03-03"), 201);
        return new Records(other.branch, member, transfer);
    }

    /**
     * A board's command that reshapes the tree goes to a branch of the matrix ward founded for it: a permitted
     * dissolution, merge, split or re-parenting then changes that branch, never the tree the other requests' scope is
     * checked on.
     */
    private Records inScopeOf(User user, String path, Records inScope) {
        return RESHAPING.contains(path) && user.role() == Role.ORGANISATION_BOARD
                ? inScope.withOrg(sacrificialBranch()) : inScope;
    }

    private String sacrificialBranch() {
        String branch = "ps-" + fresh.incrementAndGet() + "-" + matrix.suffix;
        matrix.branchOf(MATRIX_WARD, branch, "Chi bộ " + branch, LocalDate.of(2010, 1, 4));
        return branch;
    }

    /** The GET operations of the document under /api/v1; each must be a query the matrix knows. */
    private List<String> queryOperations(JsonNode document) {
        List<String> paths = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/") && path.getValue().has("get")
                    && !STREAMS.contains(path.getKey())) {
                assertThat(QUERIES).as("the query the matrix sends to GET %s", path.getKey())
                        .containsKey(path.getKey());
                paths.add(path.getKey());
            }
        });
        return paths;
    }

    /** Records the type of each command dispatched, after the authorisation let it through. */
    private static final class Spy implements MessageDispatchInterceptor<CommandMessage<?>>, AutoCloseable {

        private final AtomicReference<Class<?>> dispatched;
        private final Registration registration;

        Spy(CommandBus commandBus, AtomicReference<Class<?>> dispatched) {
            this.dispatched = dispatched;
            this.registration = commandBus.registerDispatchInterceptor(this);
        }

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, message) -> {
                dispatched.set(message.getPayloadType());
                return message;
            };
        }

        @Override
        public void close() {
            registration.cancel();
        }
    }
}
