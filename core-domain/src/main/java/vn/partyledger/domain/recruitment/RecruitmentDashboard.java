package vn.partyledger.domain.recruitment;

import vn.partyledger.domain.organisation.TargetMode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An organisation's recruitment figures for a year, and those of each organisation directly under it. */
public record RecruitmentDashboard(int year, boolean byCeremony, Figures total, List<Figures> subOrganisations) {

    /**
     * One organisation's figures over the branches under it: the target set for it (null when none was), as stated
     * and as a number of admissions — a percentage target is of the full and probationary members on the rolls on
     * 1 January ({@code openingMembers}) — the admissions counted, the share of the target achieved (null without a
     * target), how many took each step of the funnel in the year, and the members admitted broken down, counted as
     * the admissions are, small cells suppressed.
     */
    public record Figures(String orgId, String name, TargetMode targetMode, BigDecimal targetValue, Integer target,
                          int openingMembers, int admitted, BigDecimal percentAchieved,
                          Map<RecruitmentStep, Integer> funnel, Breakdown breakdown) {
    }
}
