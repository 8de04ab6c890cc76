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

    /**
     * The organisations a registered person's entry belongs to: the home branches of the person's member records, or,
     * while there are none, the organisation the person was registered for. Empty when the person is not on file.
     */
    Optional<List<String>> organisationsOfPerson(String personId);
}
