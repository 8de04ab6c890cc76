/**
 * The Organisation aggregate and the registry other aggregates use to look organisations up as of a date
 * (docs/rules.md#s3-1, docs/rules.md#s3-5).
 * <p>
 * {@link vn.partyledger.command.organisation.Organisation} is the root: it is founded by the rules of
 * {@code Founding}, dissolved by decision, and lets member commands and
 * {@link vn.partyledger.command.organisation.OrganisationRestructuring} reach its roll. Its parts each own one concern's
 * state and list every event's effect on it: {@code Lifetime} (kind, founded and dissolved), {@code PlaceInTheTree}
 * (name, parent and flags by effective date), {@code Roll} (members on the roll today), {@code RollOverTime} (their
 * standing on any date, for votes keyed in late), {@code Leadership}, {@code RecruitmentTargets} and {@code Grading}.
 * <p>
 * Other aggregates see an organisation only as a {@link vn.partyledger.command.organisation.RegisteredOrganisation},
 * found through {@link vn.partyledger.command.organisation.OrganisationRegistry}; authority is resolved by
 * {@link vn.partyledger.command.organisation.TreeAuthorityResolver}, and member commands keep rolls in step through
 * {@link vn.partyledger.command.organisation.MembershipLedger} and
 * {@link vn.partyledger.command.organisation.CollectiveTransfers}.
 */
package vn.partyledger.command.organisation;
