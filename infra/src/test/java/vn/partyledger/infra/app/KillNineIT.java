package vn.partyledger.infra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed with {@code kill -9} while four clients establish branches over HTTP, restarted on the
 * same data directory three times: every command answered 2xx is still in the log (establishing the same branch
 * again is refused) and in the roster projection. Commands cut off by the kill have an unknown outcome and are not
 * judged. Everything goes to 127.0.0.1; the child process is killed whatever happens.
 *
 * <p>After each restart the commands acknowledged in the round just killed are checked, in parallel; after the last
 * one the event log itself is read over the wire: every event id any acknowledged command was answered with is stored
 * exactly once across the commits, which also covers the earlier rounds after every later kill.
 */
class KillNineIT {

    private static final int ROUNDS = 3;
    private static final int CLIENTS = 4;
    /** Acknowledged commands per round before the kill; the clients keep sending until it lands. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(30);
    private static final Duration CONVERGENCE_LIMIT = Duration.ofSeconds(60);
    /** Checks run concurrently against the restarted service: a few, to leave it a core on a two-core machine. */
    private static final int CHECKERS = 4;
    private static final String WARD = "ward-kill9";
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("board:board-local-only".getBytes(StandardCharsets.UTF_8));

    private final Path dataDir = createDataDir();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private PackagedApplication application;

    /** A command answered 2xx, with what the answer said. */
    record Acknowledged(String orgId, long version, List<String> eventIds) {
    }

    @AfterEach
    void killTheApplication() throws InterruptedException {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void everyAcknowledgedCommandSurvivesKillNineUnderLoadAndTheRosterConverges() throws Exception {
        application = start(0);
        establishProvinceAndWard();

        for (int round = 1; round <= ROUNDS; round++) {
            long loadStarted = System.nanoTime();
            int before = acknowledged.size();
            loadThenKill(round);
            System.out.printf("round %d: %d commands acknowledged before kill -9 (%d ms of load)%n", round,
                    acknowledged.size() - before, (System.nanoTime() - loadStarted) / 1_000_000);

            long restarted = System.nanoTime();
            application = start(round);
            System.out.printf("round %d: restarted in %d ms%n", round, (System.nanoTime() - restarted) / 1_000_000);

            long checked = System.nanoTime();
            List<Acknowledged> all = List.copyOf(acknowledged); // in acknowledgement order, so by round
            List<Acknowledged> thisRound = all.subList(before, all.size());
            assertThat(notInTheLog(thisRound)).as("acknowledged, yet establishing them again is not refused").isEmpty();
            assertThat(missingFromTheRoster(thisRound)).as("acknowledged, yet not in the roster projection").isEmpty();
            System.out.printf("round %d: %d commands checked in %d ms%n", round, thisRound.size(),
                    (System.nanoTime() - checked) / 1_000_000);
        }
        assertThat(eventIdsNotStoredExactlyOnce()).as("acknowledged event ids missing from, or repeated in, the log")
                .isEmpty();
    }

    private PackagedApplication start(int generation) throws IOException, InterruptedException {
        return PackagedApplication.start(dataDir, dataDir.resolveSibling(dataDir.getFileName() + "-app-"
                + generation + ".log"));
    }

    private void establishProvinceAndWard() throws IOException, InterruptedException {
        assertThat(post("/api/v1/organisations/hcmc/establish", """
                {"name": "Đảng bộ Thành phố Hồ Chí Minh", "kind": "PROVINCIAL", "foundingFullMembers": 0,
                 "effectiveDate": "1975-05-01",
                 "decision": {"docNumber": "1-QĐ/TW", "docDate": "1975-05-01", "issuingOrgId": "central"}}
                """).statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/organisations/" + WARD + "/establish", """
                {"name": "Đảng bộ Phường 15", "kind": "GRASSROOTS_COMMITTEE", "parentOrgId": "hcmc",
                 "flags": {"grassroots": true, "directSuperiorOfGrassroots": false,
                           "delegatedAdmissionAuthority": true, "canDecideDiscipline": true},
                 "foundingFullMembers": 300, "effectiveDate": "2000-01-03",
                 "decision": {"docNumber": "12-QĐ/QU", "docDate": "2000-01-03", "issuingOrgId": "hcmc"}}
                """).statusCode()).isEqualTo(201);
    }

    /** Four clients establish branches until enough were acknowledged, then the process is killed under them. */
    private void loadThenKill(int round) throws InterruptedException {
        AtomicInteger acknowledgedThisRound = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String prefix = "kp-r" + round + "-c" + c + "-";
            Thread client = new Thread(() -> establishBranchesUntilRefusedService(prefix, acknowledgedThisRound));
            clients.add(client);
            client.start();
        }
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        while (acknowledgedThisRound.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        application.killNine();
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(60).toMillis());
        }
        assertThat(acknowledgedThisRound.get()).as("commands acknowledged in round %d", round).isPositive();
    }

    private void establishBranchesUntilRefusedService(String prefix, AtomicInteger acknowledgedThisRound) {
        for (int n = 0; ; n++) {
            String orgId = prefix + n;
            try {
                HttpResponse<String> answer = post("/api/v1/organisations/" + orgId + "/establish", branch());
                if (answer.statusCode() / 100 == 2) {
                    JsonNode outcome = json.readTree(answer.body());
                    List<String> eventIds = new ArrayList<>();
                    outcome.get("eventIds").forEach(id -> eventIds.add(id.asText()));
                    acknowledged.add(new Acknowledged(outcome.get("aggregateId").asText(),
                            outcome.get("version").asLong(), eventIds));
                    acknowledgedThisRound.incrementAndGet();
                }
            } catch (IOException killed) {
                return; // the process is gone: this command's outcome is unknown
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Establishing an acknowledged branch again must be refused by the aggregate reloaded from the log. */
    private Map<String, String> notInTheLog(List<Acknowledged> commands) throws Exception {
        Map<String, String> lost = new ConcurrentSkipListMap<>();
        inParallel(commands, command -> {
            HttpResponse<String> again = post("/api/v1/organisations/" + command.orgId() + "/establish", branch());
            if (again.statusCode() != 409 && again.statusCode() != 422) {
                lost.put(command.orgId(), again.statusCode() + " " + again.body() + " (first answer: version "
                        + command.version() + ", events " + command.eventIds() + ")");
            }
        });
        return lost;
    }

    /** Waits until the roster of every acknowledged branch is served with its name and parent. */
    private List<String> missingFromTheRoster(List<Acknowledged> commands) throws Exception {
        List<String> missing = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + CONVERGENCE_LIMIT.toNanos();
        inParallel(commands, command -> {
            while (!inTheRoster(command.orgId())) {
                if (System.nanoTime() > deadline) {
                    missing.add(command.orgId());
                    return;
                }
                Thread.sleep(100);
            }
        });
        return missing;
    }

    /**
     * Reads {@code event_commits} through the driver, on the embedded server's port: every event id an acknowledged
     * command was answered with must be stored exactly once (tombstones hold no events).
     */
    private Map<String, Integer> eventIdsNotStoredExactlyOnce() {
        Map<String, Integer> stored = new HashMap<>();
        try (MongoClient client = MongoClients.create(application.mongoConnectionString())) {
            client.getDatabase("partyledger").getCollection("event_commits")
                    .find(Filters.ne("tombstone", true))
                    .projection(Projections.include("events.eventIdentifier"))
                    .forEach(commit -> commit.getList("events", Document.class)
                            .forEach(event -> stored.merge(event.getString("eventIdentifier"), 1, Integer::sum)));
        }
        Map<String, Integer> wrong = new TreeMap<>();
        int expected = 0;
        for (Acknowledged command : acknowledged) {
            for (String eventId : command.eventIds()) {
                expected++;
                int copies = stored.getOrDefault(eventId, 0);
                if (copies != 1) {
                    wrong.put(command.orgId() + " " + eventId, copies);
                }
            }
        }
        System.out.printf("event log: %d acknowledged event ids checked against %d stored%n", expected,
                stored.size());
        assertThat(expected).isPositive();
        return wrong;
    }

    private interface Check {
        void run(Acknowledged command) throws IOException, InterruptedException;
    }

    private static void inParallel(List<Acknowledged> commands, Check check) throws Exception {
        ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Acknowledged command : commands) {
                done.add(checkers.submit(() -> {
                    check.run(command);
                    return null;
                }));
            }
            for (Future<?> checked : done) {
                checked.get();
            }
        } finally {
            checkers.shutdownNow();
        }
    }

    private boolean inTheRoster(String orgId) throws IOException, InterruptedException {
        HttpResponse<String> roster = http.send(HttpRequest.newBuilder(
                                application.uri("/api/v1/organisations/" + orgId + "/roster?asOf=2025-12-31"))
                        .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (roster.statusCode() != 200) {
            return false;
        }
        JsonNode page = json.readTree(roster.body());
        return page.get("name").asText().equals("Chi bộ Khu phố") && page.get("parentOrgId").asText().equals(WARD);
    }

    private static String branch() {
        return """
                {"name": "Chi bộ Khu phố", "kind": "SUBORDINATE_BRANCH", "branchType": "RESIDENTIAL",
                 "parentOrgId": "%s", "foundingFullMembers": 40, "effectiveDate": "2010-01-04",
                 "decision": {"docNumber": "45-QĐ/ĐU", "docDate": "2010-01-04", "issuingOrgId": "%s"}}
                """.formatted(WARD, WARD);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(application.uri(path))
                        .header("Authorization", AUTHORIZATION)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Under target/, so the child's store and its logs can be looked at after a failure. */
    private static Path createDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "kill-nine-it")), "data-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
