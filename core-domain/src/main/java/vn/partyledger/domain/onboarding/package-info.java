/**
 * Onboarding existing members from the paper file (ADR 0024, ADR 0028): a member's import states the history and the
 * exemption, discipline and temporary attachment in force, and a batch registers persons and imports members
 * together, so this package stands above the member, person, exemption, discipline and transfer packages it names.
 */
package vn.partyledger.domain.onboarding;
