package vn.partyledger.domain.onboarding;

import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;

import java.time.LocalDate;

/**
 * An exemption the paper file shows in force (docs/rules.md#s8): full or temporary, why, from when, and until when a
 * temporary one runs (null for a full one, which lasts until the member resumes).
 */
public record ImportedExemption(ExemptionKind kind, ExemptionReason reason, LocalDate from, LocalDate until) {
}
