package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.domain.correction.AnnulEntry;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.shared.Today;

/**
 * A mistaken entry annulled (I30, ADR 0016): an annulled death or strike-off never happened, so the member is back on
 * the roll of the branch they were taken off, from the day they were taken off, in the status they had.
 */
public record Annulment(Records<Member> members, MembershipLedger ledger) {

    @CommandHandler
    public void handle(AnnulEntry command, MetaData metaData, AuthorityResolver authority, Today today) {
        EntryAnnulled annulled = members.addressed(command.memberId(), metaData)
                .invoke(member -> member.annul(command, authority, today));
        if (annulled.restoredStatus() != null) {
            ledger.enrol(annulled.homeOrgId(), annulled.memberId(), annulled.restoredStatus(), annulled.entryDate());
        }
    }
}
