package vn.partyledger.bench;

import org.springframework.context.ConfigurableApplicationContext;
import vn.partyledger.infra.onboarding.ImportReport;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What onboarding a province costs (issue 10): the whole application is started in this JVM on its default durable
 * backend (the embedded server's H2 MVStore file, group commit, w:majority+j, as in production on one machine), and a
 * province file — a provincial committee, wards of 20 branches, branches of 50 members each, every member with the
 * person's data for the register — is imported as the provincial board, the way the command line does it. For each
 * size it prints the members written per second (a branch's members in batches, each batch's persons, records and
 * roll in one append), the whole run's time, the time spent checking the file and writing it (the rest waits for the
 * rosters' totals), and the heap in use afterwards. Each size runs in a fresh data directory. Settings: {@code
 * BENCH_SIZES} (default {@code 10000,300000}), {@code BENCH_WORKERS} (default 4), {@code BENCH_BATCHSIZE} (members per
 * append, default 50), {@code BENCH_BACKEND} ({@code h2}, or {@code memory}).
 * <p>
 * Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package exec:exec
 * -Dbench.main=vn.partyledger.bench.ImportBenchmark}
 */
public final class ImportBenchmark {

    public static final String USER = "bench-board";
    public static final String PASSWORD = "bench-local-only";
    public static final String PROVINCE = "bench-province";
    private static final int BRANCHES_PER_WARD = 20;
    private static final int MEMBERS_PER_BRANCH = 50;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietLogging();
        String backend = BenchSupport.setting("bench.backend", "h2");
        String workers = BenchSupport.setting("bench.workers", "4");
        String batchSize = BenchSupport.setting("bench.batchSize", "50");
        System.out.printf("import of a province, %s backend, %s workers, batches of %s, %d cores, load average %.2f%n",
                backend, workers, batchSize, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("members   outcome    members/s (writing)   whole run s   checking s   writing s"
                + "   heap used MB");
        for (String size : BenchSupport.listSetting("bench.sizes", "10000,300000")) {
            int members = Integer.parseInt(size);
            Path dataDir = Files.createTempDirectory("party-ledger-import-bench");
            String file = province(members, MEMBERS_PER_BRANCH);
            try (ConfigurableApplicationContext app = start(dataDir, backend, workers, batchSize)) {
                ImportReport report = BenchSupport.importFile(app, file);
                System.gc();
                long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
                System.out.printf("%,7d   %-9s  %19.0f   %11.1f   %10.1f   %9.1f   %12d%n",
                        report.members().imported(), report.outcome(), report.membersPerSecond(), report.seconds(),
                        report.checkingSeconds(), report.writingSeconds(), heapMb);
                if (!ImportReport.COMPLETED.equals(report.outcome())) {
                    System.out.println("refusals (first 5): " + report.refusals().stream().limit(5).toList());
                }
            }
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(Path dataDir, String backend, String workers,
                                                        String batchSize) {
        return BenchSupport.startApplication(dataDir, USER, "{noop}" + PASSWORD, PROVINCE, Map.of(
                "spring.main.web-application-type", "none", "partyledger.mongodb.embedded.backend", backend,
                "partyledger.import.workers", workers, "partyledger.import.batch-size", batchSize));
    }

    /**
     * The province as an import file: its root, then per ward of 20 branches its branches, then every branch's members;
     * member {@code n} is in branch {@code n / membersPerBranch}.
     */
    static String province(int members, int membersPerBranch) {
        StringJoiner file = new StringJoiner("\n", "", "\n");
        file.add(organisation(PROVINCE, "PROVINCIAL", null, "1975-05-01"));
        int branches = (members + membersPerBranch - 1) / membersPerBranch;
        for (int branch = 0; branch < branches; branch++) {
            String ward = wardId(branch);
            if (branch % BRANCHES_PER_WARD == 0) {
                file.add(organisation(ward, "GRASSROOTS_COMMITTEE", PROVINCE, "1990-01-02"));
            }
            file.add(organisation(LedgerEvents.branchId(branch), "SUBORDINATE_BRANCH", ward, "2000-01-03"));
        }
        for (int member = 0; member < members; member++) {
            file.add(member(member, LedgerEvents.branchId(member / membersPerBranch)));
        }
        return file.toString();
    }

    /** The ward committee a branch is under. */
    static String wardId(int branch) {
        return "ward-" + branch / BRANCHES_PER_WARD;
    }

    private static String organisation(String orgId, String kind, String parent, String founded) {
        return ("{\"type\": \"organisation\", \"orgId\": \"%s\", \"name\": \"%s\", \"kind\": \"%s\", "
                + "\"parentOrgId\": %s, \"foundingFullMembers\": 3, \"effectiveDate\": \"%s\"%s}").formatted(orgId,
                orgId, kind, parent == null ? "null" : "\"" + parent + "\"", founded, kind.equals("SUBORDINATE_BRANCH")
                        ? ", \"branchType\": \"RESIDENTIAL\"" : "");
    }

    /** Full members admitted over 2001–2019; every seventh still probationary, admitted this year. */
    private static String member(int member, String branch) {
        boolean probationary = member % 7 == 0;
        LocalDate decided = probationary ? LocalDate.of(2026, 2, 2).plusDays(member % 150)
                : LocalDate.of(2001, 1, 8).plusDays(member % 6800);
        LocalDate ceremony = decided.plusDays(18);
        return ("{\"type\": \"member\", \"memberId\": \"%s\", \"personId\": \"person-%d\", \"homeOrgId\": \"%s\", "
                + "\"status\": \"%s\", \"firstAdmissionDecisionDate\": \"%s\", \"ceremonyDate\": \"%s\", "
                + "\"fullMembershipDate\": %s, \"cardNumber\": \"TĐ-%d\", \"paperFileRef\": \"HS-%d\", "
                + "\"person\": {\"fullName\": \"Đảng viên %d\", \"dateOfBirth\": \"%s\", \"gender\": \"MALE\", "
                + "\"generalEducation\": \"UPPER_SECONDARY\", \"nationalId\": \"%012d\"}}").formatted(
                LedgerEvents.memberId(member), member, branch, probationary ? "PROBATIONARY" : "FULL", decided,
                ceremony, probationary ? "null" : "\"" + ceremony.plusMonths(12) + "\"", member, member, member,
                decided.minusYears(24), 100_000_000_000L + member);
    }
}
