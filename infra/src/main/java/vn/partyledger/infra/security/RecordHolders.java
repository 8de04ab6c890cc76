package vn.partyledger.infra.security;

import java.util.List;
import java.util.Optional;

/**
 * Which organisation holds a record, for the scope check: a member's home branch, a transfer's two sides. Empty when
 * there is no such record, which the check treats exactly as a record out of scope.
 */
public interface RecordHolders {

    Optional<String> homeBranchOf(String memberId);

    Optional<String> sendingSideOf(String transferId);

    Optional<String> receivingSideOf(String transferId);

    /** The home branches of a registered person's member records (none yet: empty list); empty when not on file. */
    Optional<List<String>> homeBranchesOfPerson(String personId);
}
