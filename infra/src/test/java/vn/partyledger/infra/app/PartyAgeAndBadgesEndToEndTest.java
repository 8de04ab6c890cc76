package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Seed 003 over HTTP alone (issue 11 items 1, 5, 6; ADR 0040): Ward 5, District 8 had 876 members in 23 branches on 2
 * Mar 2024, 276 of them holding badges of 30 to 75 years. The ward and its branches are onboarded from one import file,
 * as a province starts; the badges are the paper file's. How the 276 spread over the levels the seed does not say:
 * the test gives each holder every level up to the highest, awarded on the anniversary after reaching it.
 */
class PartyAgeAndBadgesEndToEndTest extends RunningApplication {

    private static final LocalDate SEED_DATE = LocalDate.of(2024, 3, 2);
    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final int MEMBERS = 876;
    private static final int BRANCHES = 23;
    /** The holders by their highest level: 276 in all. */
    private static final Map<Integer, Integer> HOLDERS_BY_HIGHEST = new LinkedHashMap<>(Map.of(30, 120, 40, 70,
            45, 35, 50, 25, 55, 12, 60, 8, 65, 4, 70, 1, 75, 1));
    private static final List<Integer> LEVELS = List.of(30, 40, 45, 50, 55, 60, 65, 70, 75);

    @Test
    void seed003AWardOf876MembersIn23BranchesWith276HoldersOf30To75YearBadgesCountedByLevel() {
        Scenario scenario = new Scenario(board()).province();
        String ward = "ward5-" + scenario.suffix;
        List<String> branches = IntStream.rangeClosed(1, BRANCHES).mapToObj(n -> "w5-b" + n + "-" + scenario.suffix)
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add(organisation(ward, "Đảng bộ Phường 5", "GRASSROOTS_COMMITTEE", null, scenario.province));
        branches.forEach(branch -> lines.add(organisation(branch, "Chi bộ " + branch, "SUBORDINATE_BRANCH",
                "RESIDENTIAL", ward)));
        int member = 0;
        List<String> highestSeventyFive = new ArrayList<>();
        for (Map.Entry<Integer, Integer> level : HOLDERS_BY_HIGHEST.entrySet()) {
            for (int n = 0; n < level.getValue(); n++, member++) {
                String memberId = memberId(scenario, member);
                if (level.getKey() == 75) {
                    highestSeventyFive.add(memberId);
                }
                lines.add(holder(memberId, branches.get(member % BRANCHES), level.getKey()));
            }
        }
        // the others were admitted from mid-1995 on: under 30 years of party age, not even early for the 30-year badge
        for (; member < MEMBERS; member++) {
            LocalDate decided = LocalDate.of(1995, 6, 1).plusDays(11L * member);
            lines.add(memberLine(memberId(scenario, member), branches.get(member % BRANCHES), decided, ""));
        }
        JsonNode report = expect(board().post().uri("/api/v1/imports")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(String.join("\n", lines)).retrieve().toEntity(JsonNode.class), 200);
        assertThat(report.path("outcome").asText()).as("the import: %s", report.path("refusals"))
                .isEqualTo("COMPLETED");

        JsonNode figures = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> partyAge(ward),
                read -> read.get("members").asInt() == MEMBERS && read.get("badgeHolders").asInt() == 276);
        assertThat(figures.get("fullMembers").asInt()).isEqualTo(MEMBERS);
        Map<Integer, Integer> asHighest = new HashMap<>();
        Map<Integer, Integer> holding = new HashMap<>();
        figures.get("badgeLevels").forEach(level -> {
            asHighest.put(level.get("level").asInt(), level.get("holdersAsHighest").asInt());
            holding.put(level.get("level").asInt(), level.get("holders").asInt());
        });
        LEVELS.forEach(level -> assertThat(asHighest.get(level)).as("holders of %d as their highest", level)
                .isEqualTo(HOLDERS_BY_HIGHEST.get(level)));
        // every holder of a level holds the levels below it
        LEVELS.forEach(level -> assertThat(holding.get(level)).as("holders of the %d-year badge", level)
                .isEqualTo(HOLDERS_BY_HIGHEST.entrySet().stream().filter(highest -> highest.getKey() >= level)
                        .mapToInt(Map.Entry::getValue).sum()));
        assertThat(holding).containsEntry(80, 0);
        Map<Integer, Integer> groups = new HashMap<>();
        figures.get("partyAgeGroups").forEach(group -> groups.put(group.get("fromYears").asInt(),
                group.get("members").asInt()));
        assertThat(groups.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MEMBERS);
        assertThat(groups.get(30) + groups.get(40)).as("30 years and more: the holders").isEqualTo(276);

        // the roster's line of the 75-year holder, admitted 10 Jan 1948: 76 full years, the 80-year badge due on 10 Jan
        // 2028
        String holder = highestSeventyFive.get(0);
        String branchOfHolder = branches.get(member(holder, scenario) % BRANCHES);
        JsonNode line = Scenario.entryOf(expect(board().get().uri("/api/v1/organisations/{id}/roster?asOf={asOf}",
                branchOfHolder, SEED_DATE).retrieve().toEntity(JsonNode.class), 200), holder);
        assertThat(line.get("partyAgeYears").asInt()).isEqualTo(76);
        assertThat(line.get("nextBadge").get("level").asInt()).isEqualTo(80);
        assertThat(line.get("nextBadge").get("reachesOn").asText()).isEqualTo("2028-01-10");

        // the ward's roster, its branches' lines rolled up, shows each line's party age: 276 of 30 years and more
        JsonNode wardRoster = expect(board().get().uri("/api/v1/organisations/{id}/roster?asOf={asOf}&size=1000", ward,
                SEED_DATE).retrieve().toEntity(JsonNode.class), 200);
        assertThat(wardRoster.get("totalMembers").asInt()).isEqualTo(MEMBERS);
        assertThat(wardRoster.findValues("partyAgeYears")).hasSize(MEMBERS)
                .filteredOn(years -> years.asInt() >= 30).hasSize(276);

        // nobody reaches a further level by 19 May 2024, even early: the holders are years from their next
        JsonNode candidates = expect(board().get().uri("/api/v1/organisations/{id}/badge-eligibility?occasion="
                + "2024-05-19&asOf={asOf}", ward, SEED_DATE).retrieve().toEntity(JsonNode.class), 200);
        assertThat(candidates.get("totalCandidates").asInt()).as("%s", candidates).isZero();
        // by 3 Feb 2033 the 120 holders of the 30-year badge reach 40 years, and earlier members reach 30
        JsonNode later = expect(board().get().uri("/api/v1/organisations/{id}/badge-eligibility?occasion="
                        + "2033-02-03&asOf={asOf}&ground=REACHES_LEVEL&size=1", ward, SEED_DATE)
                .retrieve().toEntity(JsonNode.class), 200);
        assertThat(later.get("candidates")).hasSize(1);
        assertThat(later.get("totalCandidates").asInt()).isGreaterThanOrEqualTo(120);
    }

    private JsonNode partyAge(String ward) {
        return expect(as("auditor", "auditor-local-only").get()
                .uri("/api/v1/organisations/{id}/party-age?asOf={asOf}", ward, SEED_DATE)
                .retrieve().toEntity(JsonNode.class), 200);
    }

    private static String memberId(Scenario scenario, int n) {
        return "w5-m" + n + "-" + scenario.suffix;
    }

    private static int member(String memberId, Scenario scenario) {
        return Integer.parseInt(memberId.substring("w5-m".length(), memberId.length() - scenario.suffix.length() - 1));
    }

    private static String organisation(String orgId, String name, String kind, String branchType, String parentId) {
        String flags = branchType == null ? """
                , "flags": {"grassroots": true, "directSuperiorOfGrassroots": false, "delegatedAdmissionAuthority": \
                true, "canDecideDiscipline": true}""" : ", \"branchType\": \"" + branchType + "\"";
        return """
                {"type": "organisation", "orgId": "%s", "name": "%s", "kind": "%s", "parentOrgId": "%s"%s, \
                "foundingFullMembers": 40, "effectiveDate": "%s", "decision": {"docNumber": "12-QĐ/QU", \
                "docDate": "%s", "issuingOrgId": "%s"}}""".formatted(orgId, name, kind, parentId, flags, FOUNDED,
                FOUNDED, parentId);
    }

    /**
     * A holder whose highest badge is {@code highest}: admitted on 10 Jan, {@code highest} years before 2023, and
     * awarded each level up to it on the 3 February after reaching it.
     */
    private static String holder(String memberId, String branchId, int highest) {
        LocalDate decided = LocalDate.of(2023 - highest, 1, 10);
        String badges = LEVELS.stream().filter(level -> level <= highest).map(level -> """
                {"level": %d, "badgeNumber": "HH%d-%s", "awardedOn": "%s"}""".formatted(level, level, memberId,
                LocalDate.of(decided.getYear() + level, 2, 3))).collect(Collectors.joining(", "));
        return memberLine(memberId, branchId, decided, ", \"badges\": [" + badges + "]");
    }

    private static String memberLine(String memberId, String branchId, LocalDate decided, String badges) {
        LocalDate ceremony = decided.plusDays(15);
        return """
                {"type": "member", "memberId": "%s", "personId": "person-%s", "homeOrgId": "%s", "status": "FULL", \
                "firstAdmissionDecisionDate": "%s", "ceremonyDate": "%s", "fullMembershipDate": "%s", \
                "onRollSince": "%s"%s, "paperFileRef": "HS-%s", "person": {"fullName": "Trần Văn %s", \
                "dateOfBirth": "%s", "gender": "MALE", "ethnicity": "01", "religion": "NONE", \
                "generalEducation": "UPPER_SECONDARY", "nationalId": "%s"}}""".formatted(memberId, memberId, branchId,
                decided, ceremony, ceremony.plusYears(1), FOUNDED.isAfter(ceremony.plusYears(1)) ? FOUNDED
                        : ceremony.plusYears(1), badges, memberId, memberId, decided.minusYears(25),
                Scenario.nextNationalId());
    }
}
