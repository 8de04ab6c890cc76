package vn.partyledger.command.process;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.partyledger.command.member.Member;
import vn.partyledger.command.person.MemberRecordView;
import vn.partyledger.command.person.Person;
import vn.partyledger.command.transfer.IncomingTransfer;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.transfer.IncomingTransferPresented;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.PresentIncomingTransfer;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.util.List;

/**
 * A letter from another province presented here (domain.md §9.1, ADR 0050), in one unit of work: the letter is
 * answered, the member's record opens with what the letter carried (or the record of a member who once left this
 * province takes them back), the person registered here takes the record as their live one (I3), and the member goes
 * onto the branch's roll. The letter's event tells the sending province, whose case closes.
 */
public record TransferFromAnotherProvince(Records<IncomingTransfer> letters, Records<Member> members,
                                          Records<Person> persons, MembershipLedger ledger) {

    @CommandHandler
    public void handle(PresentIncomingTransfer command, MetaData metaData, Today today) throws Exception {
        Aggregate<IncomingTransfer> letter = letters.addressed(command.transferId(), metaData);
        IncomingTransferPresented presented = letter.invoke(it -> it.present(command, today));
        TransferableRecord record = letter.invoke(IncomingTransfer::record);
        Aggregate<Person> person = theMemberPresentingALetterIsARegisteredPerson(command);
        List<MemberRecordView> otherRecords = new MemberRecordViews(members).of(person.invoke(Person::memberRecords)
                .stream().filter(memberId -> !memberId.equals(presented.memberId())).toList());
        Aggregate<Member> member = members.loadOrCreate(presented.memberId(), Member::new);
        MemberJoinedFromProvince joined = member.invoke(it -> it.joinFromProvince(presented, command.personId(),
                presented.sendingProvince(), record));
        person.execute(it -> it.openMemberRecord(presented.memberId(), presented.presentedOn(), otherRecords));
        ledger.enrol(joined.homeOrgId(), joined.memberId(), joined.status(), joined.joinedOn());
    }

    private Aggregate<Person> theMemberPresentingALetterIsARegisteredPerson(PresentIncomingTransfer command) {
        try {
            return persons.load(command.personId());
        } catch (AggregateNotFoundException notRegistered) {
            throw new RuleViolation(Invariant.I3, "theMemberPresentingALetterIsARegisteredPerson",
                    "Person " + command.personId() + " is not in this province's person register; the letter "
                            + "carries no personal data, so the branch registers the member who presents it first.");
        }
    }
}
