/**
 * The Organisation aggregate and the look-ups other subjects use to find organisations as of a date
 * (docs/rules.md#s3-1, docs/rules.md#s3-5).
 * <p>
 * {@link vn.partyledger.command.organisation.Organisation} is the root: it is founded by the rules of
 * {@code Founding}, dissolved by decision, and lets the processes of {@code vn.partyledger.command.process} reach its
 * roll (a member's admission, exit or transfer; a merge or split). Its parts each own one concern's state and list
 * every event's effect on it: {@code Lifetime} (kind, founded and dissolved), {@code PlaceInTheTree} (name, parent and
 * flags by effective date), {@code Roll} (members on the roll today), {@code RollOverTime} (their standing on any
 * date, for votes keyed in late), {@code Leadership}, {@code RecruitmentTargets} and {@code Grading}.
 * <p>
 * Other aggregates see an organisation only as a {@link vn.partyledger.command.organisation.RegisteredOrganisation},
 * found through {@link vn.partyledger.command.organisation.OrganisationRegistry}; the competent committee comes from
 * {@link vn.partyledger.command.organisation.TreeAuthorityResolver}, and a branch's grassroots organisation from
 * {@link vn.partyledger.command.organisation.GrassrootsOrganisations}.
 */
package vn.partyledger.command.organisation;
