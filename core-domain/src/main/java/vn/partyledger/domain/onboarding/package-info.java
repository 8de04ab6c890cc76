/**
 * Onboarding existing members in batches (ADR 0024): a batch registers persons and imports members together, so it
 * stands above the member and person records it writes.
 */
package vn.partyledger.domain.onboarding;
