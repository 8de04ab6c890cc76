package vn.partyledger.domain.recruitment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallCellSuppressionTest {

    @Test
    void rareOccupationsArePooledUnnamedAndThePoolIsSuppressedWhenSmall() {
        Map<BreakdownDimension, Map<String, Integer>> ward = Map.of(BreakdownDimension.OCCUPATION,
                Map.of("teacher", 9, "farmer", 6, "imam", 1, "pilot", 2));

        Breakdown shown = new SmallCellSuppression(5).apply(ward, List.of()).get(0);

        assertThat(shown.dimensions().get(BreakdownDimension.OCCUPATION))
                .as("the pool of 3 alone suppressed would be 18 less 9 less 6: the farmers go with it").containsExactly(
                new Breakdown.Cell("teacher", 9, false), new Breakdown.Cell("farmer", null, true),
                new Breakdown.Cell(SmallCellSuppression.OTHER, null, true));
    }

    @Test
    void aLoneSuppressedCellTakesTheSmallestShownOneWithItAndTheThresholdIsThePolicys() {
        Map<BreakdownDimension, Map<String, Integer>> ward = Map.of(BreakdownDimension.WOMEN,
                Map.of("YES", 3, "NO", 20));

        List<Breakdown.Cell> atFive = new SmallCellSuppression(5).apply(ward, List.of()).get(0).dimensions()
                .get(BreakdownDimension.WOMEN);
        List<Breakdown.Cell> atThree = new SmallCellSuppression(3).apply(ward, List.of()).get(0).dimensions()
                .get(BreakdownDimension.WOMEN);

        assertThat(atFive).as("YES 3 and UNKNOWN 0 are both under 5: two cells, neither recoverable")
                .containsExactly(new Breakdown.Cell("YES", null, true), new Breakdown.Cell("NO", 20, false),
                        new Breakdown.Cell("UNKNOWN", null, true));
        assertThat(atThree).as("only UNKNOWN is under 3, so the smallest shown, YES, goes with it")
                .containsExactly(new Breakdown.Cell("YES", null, true), new Breakdown.Cell("NO", 20, false),
                        new Breakdown.Cell("UNKNOWN", null, true));
        assertThatThrownBy(() -> new SmallCellSuppression(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withNoRareOccupationThereIsNoPoolAndTheOccupationsAreShown() {
        Map<BreakdownDimension, Map<String, Integer>> ward = Map.of(BreakdownDimension.OCCUPATION,
                Map.of("teacher", 9, "farmer", 6));

        assertThat(new SmallCellSuppression(5).apply(ward, List.of()).get(0).dimensions()
                .get(BreakdownDimension.OCCUPATION)).containsExactly(new Breakdown.Cell("teacher", 9, false),
                new Breakdown.Cell("farmer", 6, false));
    }
}
