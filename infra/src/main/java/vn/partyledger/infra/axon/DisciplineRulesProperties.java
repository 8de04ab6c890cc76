package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.partyledger.domain.discipline.DisciplinePolicy;

/**
 * docs/rules.md#s20 for leaving and discipline: {@code STRIKE_OFF_MONTH_COUNT}, {@code APPEAL_WD_STRIKE_OFF} and
 * {@code APPEAL_DISCIPLINE} and {@code DISCIPLINE_EFFECT_MONTHS}.
 */
@ConfigurationProperties("partyledger.rules.discipline")
public record DisciplineRulesProperties(@DefaultValue("3") int strikeOffMonthCount,
                                        @DefaultValue("30") int strikeOffAppealWorkingDays,
                                        @DefaultValue("1") int disciplineAppealMonths,
                                        @DefaultValue("12") int disciplineEffectMonths) {

    DisciplinePolicy toPolicy() {
        return new DisciplinePolicy(strikeOffMonthCount, strikeOffAppealWorkingDays, disciplineAppealMonths,
                disciplineEffectMonths);
    }
}
