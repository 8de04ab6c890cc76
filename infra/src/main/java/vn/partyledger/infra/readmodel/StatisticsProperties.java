package vn.partyledger.infra.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The statistics' policies of docs/rules.md#s20 ({@code partyledger.rules.statistics.*}): {@code SMALL_CELL_SUPPRESSION_K},
 * the smallest count a breakdown of new members shows (a recommendation, so configuration), and {@code AGE_GROUPS},
 * given as each group's lowest age in completed years, the last group open-ended (18–30, 31–40, …, over 70).
 */
@ConfigurationProperties("partyledger.rules.statistics")
public record StatisticsProperties(@DefaultValue("5") int smallCellSuppressionK,
                                   @DefaultValue({"18", "31", "41", "51", "61", "71"}) List<Integer> ageGroupsFrom) {
}
