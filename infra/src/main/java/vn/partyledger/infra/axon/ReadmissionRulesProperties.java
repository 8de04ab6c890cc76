package vn.partyledger.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.partyledger.domain.member.ReadmissionPolicy;

/**
 * docs/rules.md#s20 for re-admission (I25): {@code READMISSION_MIN_MONTHS} and {@code READMISSION_AFTER_EXPUNGEMENT_MONTHS}.
 */
@ConfigurationProperties("partyledger.rules.readmission")
public record ReadmissionRulesProperties(@DefaultValue("36") int minMonthsOut,
                                         @DefaultValue("60") int monthsAfterExpungement) {

    ReadmissionPolicy toPolicy() {
        return new ReadmissionPolicy(minMonthsOut, monthsAfterExpungement);
    }
}
