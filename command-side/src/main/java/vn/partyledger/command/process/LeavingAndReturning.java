package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.ImposeDiscipline;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.RecordDeath;
import vn.partyledger.domain.discipline.RestoreMembership;
import vn.partyledger.domain.discipline.StrikeOffMember;
import vn.partyledger.domain.shared.Today;

import java.util.Optional;

/**
 * A full member leaves the roll of their home branch — struck off (I20), expelled (I12) or deceased (I29) — and comes
 * back onto it when an appeal annulled the exit (I26), each in the unit of work of the member's own decision. A death
 * also ends the member's open transfer case (ADR 0026).
 */
public record LeavingAndReturning(Records<Member> members, MembershipLedger ledger, Records<TransferCase> transfers) {

    @CommandHandler
    public void handle(StrikeOffMember command, MetaData metaData, AuthorityResolver authority, Today today) {
        MemberStruckOff struckOff = members.addressed(command.memberId(), metaData)
                .invoke(member -> member.strikeOff(command, authority, today));
        ledger.release(struckOff.homeOrgId(), struckOff.memberId(), struckOff.effectiveDate());
    }

    /** Only an expulsion ends the membership; milder discipline leaves the member on the roll. */
    @CommandHandler
    public void handle(ImposeDiscipline command, MetaData metaData, AuthorityResolver authority, Today today) {
        DisciplineImposed imposed = members.addressed(command.memberId(), metaData)
                .invoke(member -> member.impose(command, authority, today));
        if (imposed.form() == DisciplineForm.EXPULSION) {
            ledger.release(imposed.homeOrgId(), imposed.memberId(), imposed.effectiveDate());
        }
    }

    /** Death ends what the member had open: a letter in transit or an attachment ends with them, not by a step. */
    @CommandHandler
    public void handle(RecordDeath command, MetaData metaData, Today today) {
        Aggregate<Member> member = members.addressed(command.memberId(), metaData);
        Optional<String> transfer = member.invoke(Member::transferInProgress);
        MemberDeceased deceased = member.invoke(m -> m.recordDeath(command, today));
        ledger.release(deceased.homeOrgId(), deceased.memberId(), deceased.dateOfDeath());
        transfer.ifPresent(transferId -> transfers.load(transferId)
                .execute(open -> open.endByDeath(deceased.dateOfDeath())));
    }

    @CommandHandler
    public void handle(RestoreMembership command, MetaData metaData, Today today) {
        MembershipRestored restored = members.addressed(command.memberId(), metaData)
                .invoke(member -> member.restore(command, today));
        ledger.enrol(restored.homeOrgId(), restored.memberId(), restored.restoredStatus(), restored.effectiveDate());
    }
}
