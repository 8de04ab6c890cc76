package vn.partyledger.domain.shared;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleSetTest {

    @Test
    @DisplayName("RULE_SET: a decision of August 2025 falls under QĐ 294, one of March 2025 under QĐ 232")
    void aBusinessDateFallsUnderTheRuleSetInForce() {
        assertThat(RuleSet.inForceOn(LocalDate.of(2025, 8, 1))).isEqualTo(RuleSet.QD294_2025);
        assertThat(RuleSet.inForceOn(LocalDate.of(2025, 3, 1))).isEqualTo(RuleSet.QD232_2025);
        assertThat(RuleSet.inForceOn(LocalDate.of(1930, 2, 3))).isEqualTo(RuleSet.BEFORE_QD29_2016);
    }

    @Test
    @DisplayName("RULE_SET: no rule set applies before the Party was founded")
    void noRuleSetAppliesBeforeThePartyWasFounded() {
        RuleViolation refusal = catchThrowableOfType(() -> RuleSet.inForceOn(LocalDate.of(1930, 2, 2)),
                RuleViolation.class);

        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo("RULE_SET");
        assertThat(refusal.rule()).isEqualTo("ruleSetInForceOnBusinessDate");
    }
}
