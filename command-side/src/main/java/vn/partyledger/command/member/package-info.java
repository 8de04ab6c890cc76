/**
 * The Member aggregate: one record per person's membership path, from candidacy to exit and re-admission (ADR 0020).
 * {@link vn.partyledger.command.member.Member} is the root: it lists its parts and routes. Each part owns its state,
 * lists the events that change it as private {@code on(…)} handlers, enforces its rules and handles its commands:
 * {@code Standing} (identity, home, status), {@code Candidacy}, {@code AdmissionDecision}, {@code Probation},
 * {@code MemberExemptions}, {@code MemberTransfers}, {@code MemberContact}, {@code MemberPartyCard},
 * {@code MemberDiscipline}, {@code MemberLeaving}, {@code MemberCorrections}, {@code MemberBadges},
 * {@code MemberPartyAge}, {@code MemberReadmission}. Parts read each other, never the root. Decisions that also change
 * another record are reached through the root's public methods by {@code vn.partyledger.command.process}.
 */
package vn.partyledger.command.member;
