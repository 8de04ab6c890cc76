package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.partyledger.domain.badge.PartyBadgeAwarded;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.decision;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Histories like those the seeds describe (docs/rules.md#s1), replayed through HTTP only: every member walks the real
 * admission pipeline, so the roster and the log show what a ward board would have recorded.
 */
class SeedScenariosEndToEndTest extends RunningApplication {

    /**
     * Seed 000: residential branch Khu phố 1 has 67 members, 20 of them exempt from activities: the elderly and ill on
     * their own application (full exemption, decided by the branch) and those working away (temporary, by the ward).
     */
    @Test
    void seed000AResidentialBranchOf67MembersOfWhom20AreExemptOrTemporarilyExempt() {
        Scenario scenario = new Scenario(board()).organisationTree();
        Scenario.Admission admission = scenario.admissionIn(scenario.branch);
        // Nine of the 67 are on the branch's paper file; the other 58 are admitted here.
        List<String> members = IntStream.rangeClosed(1, 67 - Scenario.FIRST_BRANCH_ON_PAPER)
                .mapToObj(n -> "kp1-m" + n + "-" + scenario.suffix).toList();
        // All are admitted before any is recognised, so every branch vote counts only the members on paper. The
        // files are keyed from four desks at once, as a ward board would: commands for members of one branch then lock
        // the branch, the ward and each other in different orders, and must still all be recorded, once each.
        admitFromDesks(4, members, memberId -> scenario.admittedMember(memberId, admission));
        for (int recognised = 0; recognised < members.size(); recognised++) {
            scenario.recognisedFullMember(members.get(recognised), admission, recognised);
        }
        List<String> fullyExempt = members.subList(0, 8);
        List<String> temporarilyExempt = members.subList(8, 20);
        fullyExempt.forEach(memberId -> expect(grantExemption(scenario, memberId, """
                "kind": "FULL", "reason": "ADVANCED_AGE_POOR_HEALTH", "until": null""", scenario.branch), 200));
        temporarilyExempt.forEach(memberId -> expect(grantExemption(scenario, memberId, """
                "kind": "TEMPORARY", "reason": "WORKING_AWAY", "until": "2027-06-01\"""", scenario.ward), 200));

        // Exempt members stay FULL on the roll and in the headcount (docs/rules.md#s8); the roster shows their exemption.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode roster = roster(scenario.branch, "2026-11-02");
            assertThat(roster.get("headcount").asInt()).isEqualTo(67);
            assertThat(roster.get("exemptCount").asInt()).isEqualTo(20);
            assertThat(roster.findValuesAsText("status")).hasSize(67).containsOnly("FULL");
            assertThat(exemptionKindsOn(roster)).hasSize(20)
                    .containsOnlyKeys(members.subList(0, 20))
                    .satisfies(kinds -> assertThat(kinds.values()).filteredOn("FULL"::equals).hasSize(8))
                    .satisfies(kinds -> assertThat(kinds.values()).filteredOn("TEMPORARY"::equals).hasSize(12));
        });
        assertThat(roster(scenario.branch, "2026-11-01").get("exemptCount").asInt()).isZero();
        // the ward's rolls rolled up: its one branch's 67, 8 exempt fully and 12 temporarily (issue 11 item 1)
        JsonNode ward = expect(as("auditor", "auditor-local-only").get()
                .uri("/api/v1/organisations/{id}/roster/totals?asOf=2026-11-02", scenario.ward)
                .retrieve().toEntity(JsonNode.class), 200).get("total");
        assertThat(ward.get("headcount").asInt()).isEqualTo(67);
        assertThat(ward.get("fullyExempt").asInt()).isEqualTo(8);
        assertThat(ward.get("temporarilyExempt").asInt()).isEqualTo(12);
    }

    /**
     * Seed 002: ward Nam Viêm (under the city committee of Phúc Yên, which admitted for it before 2025) admitted 7
     * members in 2020, and in 2019 struck off a young member of branch TDP Tân Minh for missing party meetings.
     */
    @Test
    void seed002AWardWhose2020AdmissionsAre7AndWhichStruckOffAYoungMemberIn2019ForMissedMeetings() {
        Scenario scenario = new Scenario(board());
        PreReformTree tree = preReformTree(scenario, "vinh-phuc", "phuc-yen", "nam-viem", "tan-minh", "2000-01-03");

        String young = "n-tn-" + scenario.suffix;
        scenario.fullMember(young, decidedBy(tree.branch(), tree.ward(), tree.district(), "2017-05-15"), 0)
                .struckOffForMissedMeetings(young, tree.branch(), YearMonth.of(2019, 3), 1, tree.district(),
                        LocalDate.of(2019, 6, 20));

        // Decided 20 Dec 2019 with the ceremony in January: a 2019 admission, however the ceremony falls.
        scenario.admittedMember("late-2019-" + scenario.suffix,
                decidedBy(tree.branch(), tree.ward(), tree.district(), "2019-12-20"));
        List<String> decidedIn2020 = List.of("2020-02-10", "2020-03-16", "2020-05-11", "2020-06-15", "2020-08-17",
                "2020-10-12", "2020-11-16");
        for (int n = 0; n < decidedIn2020.size(); n++) {
            scenario.admittedMember("y2020-" + n + "-" + scenario.suffix,
                    decidedBy(tree.branch(), tree.ward(), tree.district(), decidedIn2020.get(n)));
        }

        // No statistics endpoint exists yet: the year's admissions are counted from the log by decision date.
        assertThat(admissionDecisionYears(scenario.suffix)).containsExactlyInAnyOrder(2017, 2019, 2020, 2020, 2020,
                2020, 2020, 2020, 2020);
        assertThat(admissionDecisionYears(scenario.suffix).stream().filter(year -> year == 2020)).hasSize(7);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(memberIds(roster(tree.branch(), "2020-12-31"))).hasSize(8 + Scenario.FIRST_BRANCH_ON_PAPER)
                    .doesNotContain(young);
            assertThat(memberIds(roster(tree.branch(), "2019-06-19"))).contains(young)
                    .hasSize(1 + Scenario.FIRST_BRANCH_ON_PAPER);
            assertThat(memberIds(roster(tree.branch(), "2019-12-31"))).hasSize(Scenario.FIRST_BRANCH_ON_PAPER);
        });
    }

    /**
     * The 1 Jul 2025 reform: districts are gone, the old wards' branches merge into a branch of the new ward in one
     * decision, and every member keeps a continuous history and party age; admissions are now decided by the ward.
     */
    @Test
    void aWardReorganisedOn1Jul2025KeepsEveryMembersHistoryAndPartyAgeContinuous() {
        Scenario scenario = new Scenario(board());
        PreReformTree tree = preReformTree(scenario, "hcmc", "binh-thanh", "p13", "p13-kp1", "1976-01-01");
        String ward15 = "p15-" + scenario.suffix;
        String kp15 = "p15-kp1-" + scenario.suffix;
        wardWithBranch(scenario, tree.district(), ward15, kp15, "1976-01-01");

        String veteran = "vet-" + scenario.suffix;
        scenario.fullMember(veteran, decidedBy(tree.branch(), tree.ward(), tree.district(), "1996-02-03"), 0);
        String younger = "young-" + scenario.suffix;
        scenario.fullMember(younger, decidedBy(kp15, ward15, tree.district(), "2012-09-03"), 0);

        String newWard = "binh-thanh-ward-" + scenario.suffix;
        String newBranch = "bt-kp1-" + scenario.suffix;
        establish(scenario, newWard, "GRASSROOTS_COMMITTEE", tree.province(), flags(true, true, true),
                "2025-07-01");
        establish(scenario, newBranch, "SUBORDINATE_BRANCH", newWard, flags(false, false, false), "2025-07-01");
        JsonNode merged = expect(scenario.post("/api/v1/organisations/" + newBranch + "/merge", """
                {"sourceOrgIds": ["%s", "%s"], "effectiveDate": "2025-07-01", "decision": %s}
                """.formatted(tree.branch(), kp15, decision("1-QĐ/ĐU", "2025-07-01", newWard))), 200);
        assertThat(merged.get("aggregateId").asText()).isEqualTo(newBranch);
        Scenario.mergedInto(newBranch, List.of(tree.branch(), kp15));
        scenario.committeeElectedFrom(newWard, newBranch, LocalDate.of(2025, 7, 1));
        for (String oldWard : List.of(tree.ward(), ward15)) {
            expect(scenario.post("/api/v1/organisations/" + oldWard + "/dissolve", """
                    {"reason": "ADMINISTRATIVE", "successorOrgId": "%s", "effectiveDate": "2025-07-01", "decision": %s}
                    """.formatted(newWard, decision("2-QĐ/TU", "2025-06-30", tree.province()))), 200);
        }

        assertThat(eventTypesOf(veteran)).endsWith("FullMembershipRecognized", "MemberCollectivelyTransferred");
        assertThat(eventTypesOf(younger)).endsWith("FullMembershipRecognized", "MemberCollectivelyTransferred");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(memberIds(roster(newBranch, "2025-07-01"))).contains(veteran, younger)
                    .hasSize(2 + 2 * Scenario.FIRST_BRANCH_ON_PAPER);
            assertThat(memberIds(roster(tree.branch(), "2025-06-30"))).contains(veteran).doesNotContain(younger)
                    .hasSize(1 + Scenario.FIRST_BRANCH_ON_PAPER);
            assertThat(memberIds(roster(kp15, "2025-06-30"))).contains(younger).doesNotContain(veteran)
                    .hasSize(1 + Scenario.FIRST_BRANCH_ON_PAPER);
            assertThat(memberIds(roster(tree.branch(), "2025-07-01"))).isEmpty();
            JsonNode entry = Scenario.entryOf(roster(newBranch, "2025-07-01"), veteran);
            assertThat(entry.get("memberId").asText()).isEqualTo(veteran);
            assertThat(entry.get("status").asText()).isEqualTo("FULL");
            assertThat(entry.get("admissionDecisionDate").asText()).isEqualTo("1996-02-03");
        });

        // Since 1 Jul 2025 the ward holds the admission power the district had: a district signature is refused.
        String candidate = "cand-" + scenario.suffix;
        // The branch's roll now holds the two merged full members besides those on paper, whom its vote counts.
        Scenario.Admission afterReform = decidedBy(newBranch, newWard, tree.district(), "2026-01-05")
                .withFullMembersOnRoll(2);
        scenario.readyForDecision(candidate, afterReform);
        long candidateEvents = eventsOf(candidate);
        ResponseEntity<JsonNode> byDistrict = scenario.decideAdmission(candidate, afterReform);
        assertThat(byDistrict.getStatusCode().value()).as("status of %s", byDistrict.getBody()).isEqualTo(422);
        assertThat(byDistrict.getBody().get("code").asText()).isEqualTo("I7");
        assertThat(byDistrict.getBody().get("detail").asText()).contains(newWard);
        assertThat(eventsOf(candidate)).isEqualTo(candidateEvents);
        expect(scenario.decideAdmission(candidate, decidedBy(newBranch, newWard, newWard, "2026-01-05")), 200);
        assertThat(eventTypesOf(candidate)).endsWith("AdmissionApproved");

        // Thirty years to the day from the 1996 decision, with no gap left by the merge: not an early award.
        JsonNode badge = expect(scenario.step(veteran, "award-party-badge", """
                {"level": 30, "badgeNumber": "HH-30-%s", "occasionDate": "2026-02-03", "decision": %s}
                """.formatted(scenario.suffix, decision("512-QĐ/TU", "2026-01-20", tree.province()))),
                200);
        String awardId = badge.get("eventIds").get(0).asText();
        assertThat(((PartyBadgeAwarded) loggedPayload(veteran, awardId)).early().value()).isFalse();
        assertThat(payloadOf(awardId).get("early", Document.class)).as("an early award would tell of illness")
                .containsOnlyKeys("personId", "sealed");
    }

    private ResponseEntity<JsonNode> grantExemption(Scenario scenario, String memberId, String kindReasonUntil,
                                                    String decidedBy) {
        return scenario.step(memberId, "grant-exemption", """
                {%s, "from": "2026-11-02", "applicationRef": "don-%s",
                 "resolution": {"docNumber": "12-NQ", "docDate": "2026-11-02", "issuingOrgId": "%s"}}
                """.formatted(kindReasonUntil, memberId, decidedBy));
    }

    private static Scenario.Admission decidedBy(String branchId, String committeeOrgId, String decidingOrgId,
                                                String decidedOn) {
        return new Scenario.Admission(branchId, committeeOrgId, decidingOrgId, LocalDate.parse(decidedOn), 0);
    }

    /** Before 1 Jul 2025: a province, a district that admits for its wards, and a first ward with one branch. */
    private record PreReformTree(String province, String district, String ward, String branch) {
    }

    private static PreReformTree preReformTree(Scenario scenario, String province, String district, String ward,
                                               String branch, String since) {
        PreReformTree tree = new PreReformTree(province + "-" + scenario.suffix, district + "-" + scenario.suffix,
                ward + "-" + scenario.suffix, branch + "-" + scenario.suffix);
        establish(scenario, tree.province(), "PROVINCIAL", null, flags(false, false, false), since);
        // The kinds name no district level; its role is the direct-superior flag the authority look-up walks to.
        establish(scenario, tree.district(), "SECTOR", tree.province(), flags(false, true, false), since);
        wardWithBranch(scenario, tree.district(), tree.ward(), tree.branch(), since);
        return tree;
    }

    /**
     * A ward that is a grassroots committee without delegated admission power, and one residential branch whose members
     * on paper are imported and elected the ward's committee.
     */
    private static void wardWithBranch(Scenario scenario, String district, String ward, String branch, String since) {
        establish(scenario, ward, "GRASSROOTS_COMMITTEE", district, flags(true, false, false), since);
        establish(scenario, branch, "SUBORDINATE_BRANCH", ward, flags(false, false, false), since);
        scenario.membersOnPaperImported(branch, LocalDate.parse(since), Scenario.FIRST_BRANCH_ON_PAPER)
                .committeeElectedFrom(ward, branch, LocalDate.parse(since));
    }

    private static String flags(boolean grassroots, boolean directSuperior, boolean delegatedAdmission) {
        return """
                {"grassroots": %s, "directSuperiorOfGrassroots": %s, "delegatedAdmissionAuthority": %s,
                 "canDecideDiscipline": true}""".formatted(grassroots, directSuperior, delegatedAdmission);
    }

    /** A province (no parent given) is founded under the test tree's root, which the tests' board acts for. */
    private static void establish(Scenario scenario, String orgId, String kind, String parentOrgId, String flags,
                                  String effectiveDate) {
        if (parentOrgId == null) {
            scenario.centralCommittee();
        }
        String parent = parentOrgId != null ? parentOrgId : Scenario.CENTRAL;
        String branchType = kind.equals("SUBORDINATE_BRANCH") ? "\"RESIDENTIAL\"" : "null";
        expect(scenario.post("/api/v1/organisations/" + orgId + "/establish", """
                {"name": "%s", "kind": "%s", "branchType": %s, "parentOrgId": "%s", "flags": %s,
                 "foundingFullMembers": 3, "effectiveDate": "%s", "decision": %s}
                """.formatted(orgId, kind, branchType, parent, flags, effectiveDate,
                decision("1-QĐ/" + orgId, effectiveDate, parent))), 201);
    }

    /**
     * Read as an auditor, who sees every roster as it stood on any date: a branch merged away is in no board's subtree
     * after the merge (ADR 0021), yet its history is still there to inspect.
     */
    private JsonNode roster(String orgId, String asOf) {
        return expect(as("auditor", "auditor-local-only").get().uri("/api/v1/organisations/{id}/roster?asOf={asOf}", orgId, asOf)
                .retrieve().toEntity(JsonNode.class), 200);
    }

    private static List<String> memberIds(JsonNode roster) {
        return roster.get("members").findValuesAsText("memberId");
    }

    /** The year of every admission decision taken for the members of one test (their ids end in its suffix). */
    private List<Integer> admissionDecisionYears(String suffix) {
        List<Integer> years = new ArrayList<>();
        for (Document event : eventsOfTypeFor("AdmissionApproved", suffix)) {
            years.add(LocalDate.parse(event.get("payload", Document.class).getString("decisionDate")).getYear());
        }
        return years;
    }

    /** The kind of exemption each exempt member on a roster has. */
    private static Map<String, String> exemptionKindsOn(JsonNode roster) {
        Map<String, String> kinds = new TreeMap<>();
        roster.get("members").forEach(member -> {
            if (!member.get("exemption").isNull()) {
                kinds.put(member.get("memberId").asText(), member.get("exemption").get("kind").asText());
            }
        });
        return kinds;
    }

    private Iterable<Document> eventsOfTypeFor(String type, String suffix) {
        return storedEvents().stream()
                .filter(event -> event.getString("aggregateIdentifier") != null
                        && event.getString("aggregateIdentifier").endsWith("-" + suffix)
                        && event.getString("payloadType").endsWith("." + type))
                .toList();
    }

    private static void admitFromDesks(int desks, List<String> members, Consumer<String> admit) {
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        try {
            List<Future<?>> files = members.stream().<Future<?>>map(memberId -> pool.submit(() -> admit.accept(memberId)))
                    .toList();
            for (Future<?> file : files) {
                file.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new AssertionError(failed.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
