package vn.partyledger.bench;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What an authenticated read costs: the whole application is started in this JVM (embedded servers, memory backend),
 * a user with a bcrypt password (the way real users are configured) establishes a province, and clients read its
 * roster over HTTP Basic, one at a time and concurrently. Run once with the verified password checked on every request
 * ({@code verified-credential-ttl} 0, as before issue 9) and once remembered (the default), printing p50/p99 latency,
 * requests per second and CPU milliseconds per request for each (less what the idle application spends). Settings: {@code BENCH_REQUESTS} per client (default
 * 500), {@code BENCH_CLIENTS} (default {@code 1,4}), {@code BENCH_BCRYPT_STRENGTH} (default 10, Spring's default).
 */
public final class AuthenticatedReadBenchmark {

    private static final String USER = "bench-board";
    private static final String PASSWORD = "bench-password-local-only";
    private static final String PROVINCE = "bench-province";
    private static final String WARD = "bench-ward";
    private static final String BRANCH = "bench-branch";

    private AuthenticatedReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        int requests = BenchSupport.intSetting("bench.requests", 500);
        List<Integer> clients = BenchSupport.listSetting("bench.clients", "1,4").stream()
                .map(Integer::parseInt).toList();
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(BenchSupport.intSetting("bench.bcryptStrength", 10))
                .encode(PASSWORD);
        System.out.printf("authenticated GET of a roster, %d requests per client, load average %.2f%n", requests,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("password check     clients  p50 ms  p99 ms  req/s   cpu ms/req (less idle)  statuses");
        for (String ttl : List.of("0s", "1m")) {
            Path dataDir = Files.createTempDirectory("party-ledger-auth-bench");
            try (ConfigurableApplicationContext app = start(dataDir, hash, ttl)) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Reader reader = new Reader(port);
                reader.establishBranch();
                reader.awaitRoster();
                reader.read(50);
                for (int count : clients) {
                    Result result = reader.measure(count, requests);
                    System.out.printf("%-18s %7d  %6.2f  %6.2f  %6.0f  %22.2f  %s%n",
                            ttl.equals("0s") ? "every request" : "remembered 1m", count, result.p50(), result.p99(),
                            result.perSecond(), result.cpuMillisPerRequest(), result.statuses());
                }
            }
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(Path dataDir, String hash, String ttl) {
        return BenchSupport.startApplication(dataDir, USER, hash, PROVINCE, Map.of("server.port", "0",
                "partyledger.mongodb.embedded.backend", "memory", "partyledger.security.verified-credential-ttl", ttl));
    }

    private record Result(double p50, double p99, double perSecond, double cpuMillisPerRequest,
                          Map<Integer, Integer> statuses) {
    }

    /** HTTP Basic client of one started application. */
    private static final class Reader {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        Reader(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        /** A province, a ward committee under it and a branch under that, whose roster the clients read. */
        void establishBranch() throws IOException, InterruptedException {
            establish(PROVINCE, """
                    {"name": "Đảng bộ tỉnh (benchmark)", "kind": "PROVINCIAL", "foundingFullMembers": 0,
                     "effectiveDate": "1975-05-01",
                     "decision": {"docNumber": "1-QĐ/TW", "docDate": "1975-05-01", "issuingOrgId": "central"}}
                    """);
            establish(WARD, """
                    {"name": "Đảng bộ Phường 15", "kind": "GRASSROOTS_COMMITTEE", "parentOrgId": "%s",
                     "flags": {"grassroots": true, "directSuperiorOfGrassroots": false,
                               "delegatedAdmissionAuthority": true, "canDecideDiscipline": true},
                     "foundingFullMembers": 300, "effectiveDate": "2000-01-03",
                     "decision": {"docNumber": "12-QĐ/QU", "docDate": "2000-01-03", "issuingOrgId": "%s"}}
                    """.formatted(PROVINCE, PROVINCE));
            establish(BRANCH, """
                    {"name": "Chi bộ Khu phố 1", "kind": "SUBORDINATE_BRANCH", "branchType": "RESIDENTIAL",
                     "parentOrgId": "%s", "foundingFullMembers": 40, "effectiveDate": "2010-01-04",
                     "decision": {"docNumber": "45-QĐ/ĐU", "docDate": "2010-01-04", "issuingOrgId": "%s"}}
                    """.formatted(WARD, WARD));
        }

        private void establish(String orgId, String body) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/organisations/" + orgId + "/establish"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                System.out.println("establishing " + orgId + " answered " + response.statusCode()
                        + "; the reads below measure what the roster then answers: " + response.body());
            }
        }

        /** The roster is a projection: wait until it shows the branch, so the reads measure a real answer. */
        void awaitRoster() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read(1).get(0)[0] != 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        /** Sends {@code count} reads and returns each one's status and nanoseconds. */
        List<long[]> read(int count) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/organisations/" + BRANCH
                    + "/roster")).header("Authorization", authorization).GET().build();
            List<long[]> samples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                samples.add(new long[]{status, System.nanoTime() - start});
            }
            return samples;
        }

        /**
         * The application works while nobody calls it (event processors poll, the broker ticks): that CPU per second,
         * measured over an idle period, is taken off the CPU the reads took.
         */
        Result measure(int clients, int requestsPerClient) throws Exception {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long idleStart = System.nanoTime();
            long idleCpuStart = os.getProcessCpuTime();
            Thread.sleep(3_000);
            double idleCpuPerNano = (double) (os.getProcessCpuTime() - idleCpuStart) / (System.nanoTime() - idleStart);
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            List<long[]> samples = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<List<long[]>>> runs = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    runs.add(pool.submit(() -> read(requestsPerClient)));
                }
                for (Future<List<long[]>> run : runs) {
                    samples.addAll(run.get());
                }
            } finally {
                pool.shutdown();
            }
            long elapsed = System.nanoTime() - start;
            double seconds = BenchSupport.seconds(elapsed);
            // the clients run in this JVM too; their share is small next to a bcrypt check, and the same in both runs
            double cpuMillis = (os.getProcessCpuTime() - cpuBefore - idleCpuPerNano * elapsed) / 1e6;
            List<Long> latencies = new ArrayList<>(samples.stream().map(sample -> sample[1]).toList());
            Collections.sort(latencies);
            Map<Integer, Integer> statuses = new TreeMap<>();
            samples.forEach(sample -> statuses.merge((int) sample[0], 1, Integer::sum));
            return new Result(Percentiles.millis(latencies, 0.50), Percentiles.millis(latencies, 0.99),
                    samples.size() / seconds, cpuMillis / samples.size(), statuses);
        }
    }
}
