package vn.partyledger.domain.onboarding;

import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.exemption.ExemptionPolicy;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.transfer.TransferPolicy;

/**
 * The numbers a history and its overlays are held to when a member is imported: the probation's length, the badge
 * levels, an exemption's longest term and a temporary transfer's range, as the live commands use them.
 */
public record OnboardingPolicies(AdmissionPolicy admission, BadgePolicy badges, ExemptionPolicy exemptions,
                                 TransferPolicy transfers) {

    public static final OnboardingPolicies DEFAULTS = new OnboardingPolicies(AdmissionPolicy.DEFAULTS,
            BadgePolicy.DEFAULTS, ExemptionPolicy.DEFAULTS, TransferPolicy.DEFAULTS);
}
