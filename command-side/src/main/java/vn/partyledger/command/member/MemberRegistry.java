package vn.partyledger.command.member;

import java.util.Optional;

/**
 * Looks other members up while a command is handled (is the introducer a full member on the date?). The application
 * answers it from the Member aggregates themselves; empty means the person is not on record in this ledger.
 */
public interface MemberRegistry {

    Optional<MemberStanding> find(String memberId);
}
