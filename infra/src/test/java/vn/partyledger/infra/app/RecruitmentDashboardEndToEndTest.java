package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static vn.partyledger.infra.app.Scenario.decision;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The recruitment dashboard over HTTP alone (issue 11 item 5): targets as a percentage of the opening membership and
 * absolute, counted against admissions, with the funnel — seed 001's city and ward figures and seed 004's admissions
 * by year among them.
 */
class RecruitmentDashboardEndToEndTest extends RunningApplication {

    @Test
    void theYearsAdmissionCountsAgainstTheWardsPercentageAndTheBranchsAbsoluteTarget() {
        Scenario scenario = new Scenario(board()).organisationTree();
        expect(scenario.post("/api/v1/organisations/" + scenario.ward + "/set-recruitment-target", """
                {"year": 2025, "mode": "PERCENT_OF_OPENING", "value": 20, "decision": %s}
                """.formatted(decision("3-QĐ/TU", "2025-01-10", scenario.province))), 200);
        expect(scenario.post("/api/v1/organisations/" + scenario.branch + "/set-recruitment-target", """
                {"year": 2025, "mode": "ABSOLUTE", "value": 1, "decision": %s}
                """.formatted(decision("4-QĐ/ĐU", "2025-01-15", scenario.ward))), 200);
        String memberId = "m-" + scenario.suffix;
        JsonNode admitted = scenario.admittedMember(memberId);

        JsonNode dashboard = expect(board().get().uri("/api/v1/organisations/{id}/recruitment?year=2025"
                        + "&minPosition={position}", scenario.ward, admitted.get("position").asLong())
                .retrieve().toEntity(JsonNode.class), 200);

        JsonNode ward = dashboard.get("total");
        assertThat(ward.get("openingMembers").asInt()).as("the branch's members on paper on 1 January")
                .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER);
        assertThat(ward.get("target").asInt()).as("20 % of 9, rounded").isEqualTo(2);
        assertThat(ward.get("percentAchieved").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(ward.get("admitted").asInt()).isEqualTo(1);
        assertThat(ward.get("funnel").get("CANDIDATE_REGISTERED").asInt()).isEqualTo(1);
        assertThat(ward.get("funnel").get("CEREMONY").asInt()).isEqualTo(1);
        JsonNode branch = dashboard.get("subOrganisations").get(0);
        assertThat(branch.get("orgId").asText()).isEqualTo(scenario.branch);
        assertThat(branch.get("target").asInt()).isEqualTo(1);
        assertThat(branch.get("percentAchieved").decimalValue()).isEqualByComparingTo("100.0");
    }

    /**
     * Seed 001: the city is asked for 4 % of its members on 1 January 2024 (50 on the rolls of the ward's two
     * branches: 2 admissions), the district gives Phước Mỹ ward 22, and 30 candidates have finished the awareness
     * course.
     */
    @Test
    void seed001TheCitysFourPercentOfItsOpeningMembershipAndTheWardsTwentyTwoWithThirtyCandidatesOnTheCourse() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = "kp2-" + scenario.suffix;
        scenario.branchOf(scenario.ward, kp2, "Chi bộ Khu phố 2", LocalDate.of(2010, 1, 4), 41);
        expect(scenario.post("/api/v1/organisations/" + scenario.province + "/set-recruitment-target", """
                {"year": 2024, "mode": "PERCENT_OF_OPENING", "value": 4, "decision": %s}
                """.formatted(decision("12-NQ/TU", "2024-01-05", Scenario.CENTRAL))), 200);
        expect(scenario.post("/api/v1/organisations/" + scenario.ward + "/set-recruitment-target", """
                {"year": 2024, "mode": "ABSOLUTE", "value": 22, "decision": %s}
                """.formatted(decision("5-QĐ/QU", "2024-01-12", scenario.province))), 200);
        JsonNode last = null;
        for (int n = 1; n <= 30; n++) {
            String candidate = "c" + n + "-" + scenario.suffix;
            Scenario.Admission admission = scenario.admissionIn(n % 2 == 0 ? scenario.branch : kp2,
                    LocalDate.of(2024, 12, 2));
            expect(scenario.registerCandidate(candidate, admission), 201);
            last = expect(scenario.awarenessCourse(candidate, admission), 200);
        }

        JsonNode dashboard = expect(board().get().uri("/api/v1/organisations/{id}/recruitment?year=2024"
                        + "&minPosition={position}", scenario.province, last.get("position").asLong())
                .retrieve().toEntity(JsonNode.class), 200);

        JsonNode city = dashboard.get("total");
        assertThat(city.get("targetMode").asText()).isEqualTo("PERCENT_OF_OPENING");
        assertThat(city.get("targetValue").decimalValue()).isEqualByComparingTo("4");
        assertThat(city.get("openingMembers").asInt()).as("the members on the rolls on 1 January 2024")
                .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER + 41);
        assertThat(city.get("target").asInt()).as("4 % of 50").isEqualTo(2);
        JsonNode ward = dashboard.get("subOrganisations").get(0);
        assertThat(ward.get("orgId").asText()).isEqualTo(scenario.ward);
        assertThat(ward.get("targetMode").asText()).isEqualTo("ABSOLUTE");
        assertThat(ward.get("target").asInt()).isEqualTo(22);
        assertThat(ward.get("admitted").asInt()).isZero();
        assertThat(ward.get("percentAchieved").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(ward.get("funnel").get("CANDIDATE_REGISTERED").asInt()).isEqualTo(30);
        assertThat(ward.get("funnel").get("AWARENESS_COURSE").asInt()).as("finished the awareness course")
                .isEqualTo(30);
        assertThat(ward.get("funnel").get("APPLICATION").asInt()).isZero();
    }

    /** Seed 004: the branch of khu 5 admitted one member in 2017, none in 2018 and two in 2019. */
    @Test
    void seed004AdmissionsByYearAreOneNoneAndTwo() {
        Scenario scenario = new Scenario(board()).organisationTree();
        JsonNode last = null;
        int n = 0;
        for (LocalDate decided : List.of(LocalDate.of(2017, 6, 5), LocalDate.of(2019, 3, 4),
                LocalDate.of(2019, 9, 9))) {
            last = scenario.admittedMember("k5-" + ++n + "-" + scenario.suffix,
                    scenario.admissionIn(scenario.branch, decided));
        }

        Map<Integer, Integer> admittedByYear = new LinkedHashMap<>();
        for (int year = 2017; year <= 2019; year++) {
            admittedByYear.put(year, expect(board().get().uri("/api/v1/organisations/{id}/recruitment?year={year}"
                            + "&minPosition={position}", scenario.branch, year, last.get("position").asLong())
                    .retrieve().toEntity(JsonNode.class), 200).get("total").get("admitted").asInt());
        }

        assertThat(admittedByYear).containsExactly(entry(2017, 1), entry(2018, 0), entry(2019, 2));
    }

    /**
     * Five admissions of 2025, each person registered as 25 and a Youth Union member: the breakdown reads the register
     * as the projection applies the decisions, and shows cells of five; the three-member cells of one branch are not.
     */
    @Test
    void theNewMembersAreBrokenDownFromTheRegisterWithCellsUnderFiveSuppressed() {
        Scenario scenario = new Scenario(board()).organisationTree();
        JsonNode last = null;
        for (int n = 1; n <= 5; n++) {
            last = scenario.admittedMember("y" + n + "-" + scenario.suffix);
        }

        JsonNode dashboard = expect(board().get().uri("/api/v1/organisations/{id}/recruitment?year=2025"
                        + "&minPosition={position}", scenario.ward, last.get("position").asLong())
                .retrieve().toEntity(JsonNode.class), 200);

        JsonNode breakdown = dashboard.get("total").get("breakdown").get("dimensions");
        assertThat(cell(breakdown, "AGED_18_30", "YES").get("count").asInt()).isEqualTo(5);
        assertThat(cell(breakdown, "YOUTH_UNION", "YES").get("count").asInt()).isEqualTo(5);
        assertThat(cell(breakdown, "WOMEN", "NO").get("count").asInt()).isEqualTo(5);
        assertThat(cell(breakdown, "OCCUPATION", "teacher").get("count").asInt()).isEqualTo(5);
        JsonNode suppressed = cell(breakdown, "WOMEN", "YES");
        assertThat(suppressed.get("suppressed").asBoolean()).as("no woman: suppressed, not 0").isTrue();
        assertThat(suppressed.get("count").isNull()).isTrue();
    }

    private static JsonNode cell(JsonNode dimensions, String dimension, String value) {
        for (JsonNode cell : dimensions.get(dimension)) {
            if (cell.get("value").asText().equals(value)) {
                return cell;
            }
        }
        throw new AssertionError(value + " is no cell of " + dimension + ": " + dimensions.get(dimension));
    }
}
