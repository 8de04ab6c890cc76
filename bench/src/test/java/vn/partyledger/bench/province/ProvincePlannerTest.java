package vn.partyledger.bench.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's promises, read back from what it generates: the import file and the planned commands. */
class ProvincePlannerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProvinceShape SHAPE = new ProvinceShape(5_000, 3, 14);
    private static ProvincePlan plan;
    private static List<JsonNode> lines;

    @BeforeAll
    static void generate() throws Exception {
        plan = ProvincePlanner.plan(SHAPE);
        lines = new ArrayList<>();
        for (String line : plan.importFile().split("\n")) {
            lines.add(JSON.readTree(line));
        }
    }

    @Test
    void theSameShapeGivesTheSameProvinceAndAnotherSeedAnotherOne() {
        ProvincePlan again = ProvincePlanner.plan(SHAPE);
        ProvincePlan otherSeed = ProvincePlanner.plan(new ProvinceShape(5_000, 3, 15));

        assertThat(again.importFile()).isEqualTo(plan.importFile());
        assertThat(again.history()).isEqualTo(plan.history());
        assertThat(otherSeed.importFile()).isNotEqualTo(plan.importFile());
        assertThat(otherSeed.history()).isNotEqualTo(plan.history());
    }

    @Test
    void theFileImportsExactlyTheMembersAskedForInBranchesOfTwentyToNineHundred() {
        Map<String, Integer> perBranch = new HashMap<>();
        members().forEach(member -> perBranch.merge(member.get("homeOrgId").asText(), 1, Integer::sum));

        assertThat(members()).hasSize(SHAPE.members());
        assertThat(perBranch).hasSize(plan.branches());
        assertThat(perBranch.values()).allSatisfy(size -> assertThat(size).isBetween(20, 900));
    }

    @Test
    void aboutThirtyPercentOfTheMembersOfResidentialBranchesAreExempt() {
        Map<String, String> typeOf = new HashMap<>();
        lines.stream().filter(line -> line.path("kind").asText().equals("SUBORDINATE_BRANCH"))
                .forEach(branch -> typeOf.put(branch.get("orgId").asText(), branch.get("branchType").asText()));
        List<JsonNode> residential = members().stream()
                .filter(member -> typeOf.get(member.get("homeOrgId").asText()).equals("RESIDENTIAL")).toList();
        List<JsonNode> others = members().stream()
                .filter(member -> !typeOf.get(member.get("homeOrgId").asText()).equals("RESIDENTIAL")
                        && !typeOf.get(member.get("homeOrgId").asText()).equals("APARTMENT_BUILDING")).toList();

        assertThat(exemptShare(residential)).isBetween(0.25, 0.35);
        assertThat(exemptShare(others)).isLessThan(0.05);
    }

    @Test
    void aboutThreeToFourPercentAreAdmittedEachFullYearOfTheHistory() {
        // the first half year has no ceremony yet (a file takes five months), so whole later years are counted
        Map<Integer, Integer> admittedPerYear = new HashMap<>();
        commands("admit").forEach(admit -> admittedPerYear.merge(admit.day().getYear(), 1, Integer::sum));

        assertThat(admittedPerYear.get(2025) / (double) SHAPE.members()).isBetween(0.025, 0.045);
    }

    @Test
    void theHistoryHasEveryKindOfCaseAndTheReorganisationOnItsDay() {
        assertThat(plan.commandsByKind()).containsKeys("register-candidate", "admit", "recognize-full-member",
                "grant-exemption", "end-exemption", "issue-transfer-letter", "present-transfer-letter",
                "record-death", "award-party-badge", "impose-discipline", "establish", "merge");
        // a successor for every branch and every new ward, founded and merged into on the day
        assertThat(commands("establish")).hasSize(plan.branches() + plan.newWards());
        assertThat(commands("merge")).hasSize(plan.branches() + plan.newWards())
                .allSatisfy(merge -> assertThat(merge.day()).isEqualTo(ProvinceShape.REORGANISATION));
    }

    @Test
    void everyListIsInDayOrderWithinTheHistoryAndEveryCaseHasItsSecondStep() {
        for (List<PlannedCommand> partition : plan.history()) {
            for (int i = 1; i < partition.size(); i++) {
                assertThat(partition.get(i).day()).isAfterOrEqualTo(partition.get(i - 1).day());
            }
            assertThat(partition).allSatisfy(command -> assertThat(command.day())
                    .isBetween(SHAPE.historyStart(), ProvinceShape.HISTORY_END));
        }
        assertThat(commands("present-transfer-letter")).hasSameSizeAs(commands("issue-transfer-letter"));
        assertThat(commands("admit")).hasSameSizeAs(commands("decide-admission"));
    }

    @Test
    void theShapeHoldsItsLimits() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProvinceShape(500, 3, 1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProvinceShape(10_000, 1, 1));
        assertThat(new ProvinceShape(10_000, 3, 1).historyStart()).isEqualTo(LocalDate.of(2023, 11, 27));
    }

    private static List<JsonNode> members() {
        return lines.stream().filter(line -> line.get("type").asText().equals("member")).toList();
    }

    private static double exemptShare(List<JsonNode> members) {
        return members.stream().filter(member -> member.has("exemption")).count() / (double) members.size();
    }

    private static List<PlannedCommand> commands(String kind) {
        return plan.history().stream().flatMap(List::stream).filter(command -> command.kind().equals(kind)).toList();
    }
}
